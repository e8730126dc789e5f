# str case conversion and character predicates (ASCII, Latin-1, Greek, Cyrillic).

words = ["hello World", "HELLO", "hello", "Hello World", "they're bill's friends", "3rd place",
         "", "123", "a1b2", "  ", "ÉCOLE été", "straße", "ΑΣ Σ ΑΣΑ", "привет МИР", "ǆemal ǅ",
         "ﬁne", "ÿ µ", "Ab_9", "_x", "9x", "日本", "x y", "é", "İ", "ı"]
for w in words:
    print(repr(w), "|", w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|",
          w.swapcase(), "|", w.casefold())
    print("   ", w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isdigit(),
          w.isdecimal(), w.isnumeric(), w.isspace(), w.isidentifier(), w.isascii(), w.isprintable())

chars = "aZ0_ \t\n\x0b\x1c\x85\xa0\u3000\u2028²½一٣éÉßΩω∑€😀\x00\x7f"
for c in chars:
    print(repr(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isspace(),
          c.isalnum(), c.isupper(), c.islower(), c.isprintable(), c.isidentifier())

print("Hello".swapcase(), "ß".upper(), "ß".title(), "ß".capitalize(), len("İ".lower()))
print("ABC DEF".istitle(), "Abc Def".istitle(), "Abc def".istitle(), "A1".istitle(), "1A".istitle(),
      "Ǆ".istitle(), "ǅ".istitle(), "A Ǆ".istitle())
print("hELLO wORLD".capitalize(), "élan".capitalize(), "ǆ".capitalize(), "123abc".capitalize())
print("o'neil mc-donald o2o".title(), "ΣΑΣ".lower(), "ΣΑΣ ΣΑ".lower(), "Σ".lower(), "AΣ.".lower())
