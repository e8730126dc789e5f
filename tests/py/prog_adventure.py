#!/usr/bin/env python3
"""A tiny text adventure driven by a scripted list of commands.

Rooms, items and a player form a small state machine; commands are parsed
with str methods and dispatched through a dict of bound methods.
"""

DIRECTIONS = {"n": "north", "s": "south", "e": "east", "w": "west",
              "u": "up", "d": "down"}
OPPOSITE = {"north": "south", "south": "north", "east": "west",
            "west": "east", "up": "down", "down": "up"}


class GameOver(Exception):
    def __init__(self, won, reason):
        super().__init__(reason)
        self.won = won


class Item:
    def __init__(self, name, weight=1, description="", usable_on=None):
        self.name = name
        self.weight = weight
        self.description = description or f"A plain {name}."
        self.usable_on = usable_on

    def __repr__(self):
        return f"Item({self.name!r}, weight={self.weight})"

    def __eq__(self, other):
        return isinstance(other, Item) and other.name == self.name

    def __hash__(self):
        return hash(("item", self.name))


class Room:
    def __init__(self, key, title, text, dark=False):
        self.key = key
        self.title = title
        self.text = text
        self.dark = dark
        self.exits = {}
        self.locked = {}
        self.items = []
        self.visits = 0

    def connect(self, direction, other, locked_by=None):
        self.exits[direction] = other
        other.exits[OPPOSITE[direction]] = self
        if locked_by:
            self.locked[direction] = locked_by
            other.locked[OPPOSITE[direction]] = locked_by

    def describe(self, lit):
        if self.dark and not lit:
            return "It is pitch black. You might be eaten by a grue."
        lines = [f"== {self.title} ==", self.text]
        if self.items:
            names = sorted(i.name for i in self.items)
            if len(names) == 1:
                lines.append(f"You see a {names[0]}.")
            else:
                lines.append("You see: " + ", ".join(names[:-1]) + " and " + names[-1] + ".")
        exits = [d for d in ("north", "south", "east", "west", "up", "down") if d in self.exits]
        lines.append("Exits: " + (" ".join(exits) if exits else "none"))
        return "\n".join(lines)


class Player:
    MAX_WEIGHT = 6

    def __init__(self, start):
        self.room = start
        self.inventory = set()
        self.moves = 0
        self.score = 0
        self.history = []

    @property
    def load(self):
        return sum(i.weight for i in self.inventory)

    @property
    def lit(self):
        return any(i.name == "lamp" for i in self.inventory)


class Game:
    def __init__(self):
        self.rooms = {}
        self.build()
        self.player = Player(self.rooms["hall"])
        self.commands = {
            "look": self.do_look, "l": self.do_look,
            "go": self.do_go,
            "take": self.do_take, "get": self.do_take,
            "drop": self.do_drop,
            "inventory": self.do_inventory, "i": self.do_inventory,
            "use": self.do_use,
            "score": self.do_score,
        }
        for short, long in DIRECTIONS.items():
            self.commands[short] = self.make_mover(long)
            self.commands[long] = self.make_mover(long)

    def make_mover(self, direction):
        def mover(args):
            return self.do_go([direction] + list(args))
        mover.__name__ = "go_" + direction
        return mover

    def room(self, key, *args, **kw):
        r = Room(key, *args, **kw)
        self.rooms[key] = r
        return r

    def build(self):
        hall = self.room("hall", "Great Hall", "Dusty banners hang from the rafters.")
        kitchen = self.room("kitchen", "Kitchen", "Pots clatter in a draught.")
        cellar = self.room("cellar", "Cellar", "Barrels line the damp walls.", dark=True)
        tower = self.room("tower", "Tower Top", "Wind howls around the battlements.")
        vault = self.room("vault", "Vault", "Gold glitters everywhere.")
        hall.connect("east", kitchen)
        kitchen.connect("down", cellar)
        hall.connect("up", tower)
        cellar.connect("west", vault, locked_by="key")
        hall.items.append(Item("lamp", 2, "A brass lamp, still warm."))
        kitchen.items += [Item("knife", 1), Item("anvil", 9, "Far too heavy.")]
        cellar.items.append(Item("key", 1, "A small iron key.", usable_on="vault"))
        tower.items.append(Item("feather", 0))
        vault.items.append(Item("crown", 3, "The lost crown!"))

    # -- commands --------------------------------------------------------
    def do_look(self, args):
        return self.player.room.describe(self.player.lit)

    def do_go(self, args):
        if not args:
            return "Go where?"
        direction = DIRECTIONS.get(args[0], args[0])
        here = self.player.room
        if direction not in OPPOSITE:
            return f"'{args[0]}' is not a direction."
        if direction not in here.exits:
            return "You can't go that way."
        needed = here.locked.get(direction)
        if needed is not None:
            return f"The way {direction} is locked."
        if here.dark and not self.player.lit and direction != "up":
            raise GameOver(False, "You stumble in the dark and fall into a pit.")
        self.player.room = here.exits[direction]
        self.player.room.visits += 1
        if self.player.room.visits == 1:
            self.player.score += 5
        return self.do_look(())

    def find(self, name, items):
        for it in items:
            if it.name == name:
                return it
        return None

    def do_take(self, args):
        if not args:
            return "Take what?"
        name = " ".join(args)
        room = self.player.room
        if room.dark and not self.player.lit:
            return "You can't see anything to take."
        item = self.find(name, room.items)
        if item is None:
            return f"There is no {name} here."
        if self.player.load + item.weight > Player.MAX_WEIGHT:
            return f"The {name} is too heavy ({item.weight} > {Player.MAX_WEIGHT - self.player.load} left)."
        room.items.remove(item)
        self.player.inventory.add(item)
        if item.name == "crown":
            self.player.score += 50
            raise GameOver(True, "You hold the crown aloft. The kingdom is saved!")
        return f"Taken: {item.name}."

    def do_drop(self, args):
        name = " ".join(args)
        item = self.find(name, self.player.inventory)
        if item is None:
            return f"You don't have a {name}."
        self.player.inventory.discard(item)
        self.player.room.items.append(item)
        return f"Dropped: {name}."

    def do_inventory(self, args):
        if not self.player.inventory:
            return "You are empty-handed."
        parts = [f"{i.name} ({i.weight}kg)" for i in sorted(self.player.inventory, key=lambda i: (-i.weight, i.name))]
        return "You carry: " + "; ".join(parts) + f" -- total {self.player.load}kg"

    def do_use(self, args):
        if not args:
            return "Use what?"
        item = self.find(args[0], self.player.inventory)
        if item is None:
            return f"You don't have a {args[0]}."
        here = self.player.room
        for direction, needed in list(here.locked.items()):
            if needed == item.name:
                del here.locked[direction]
                there = here.exits[direction]
                there.locked.pop(OPPOSITE[direction], None)
                self.player.score += 10
                return f"The {item.name} turns. The way {direction} opens."
        return f"Nothing happens when you use the {item.name}."

    def do_score(self, args):
        p = self.player
        return "Score: %d in %d moves (%.1f per move)" % (p.score, p.moves, p.score / max(p.moves, 1))

    # -- driver ----------------------------------------------------------
    def execute(self, line):
        words = line.lower().split()
        if not words:
            return "Say something."
        verb, *args = words
        if verb in ("the", "a"):
            return "Start with a verb."
        handler = self.commands.get(verb)
        if handler is None:
            close = [c for c in self.commands if len(c) > 2 and c.startswith(verb[:2])]
            hint = f" Did you mean {close[0]!r}?" if close else ""
            return f"I don't know how to '{verb}'.{hint}"
        self.player.moves += 1
        self.player.history.append(verb)
        return handler(args)

    def play(self, script):
        print(self.do_look(()))
        for n, line in enumerate(script, 1):
            print(f"\n[{n:02d}] > {line}")
            try:
                print(self.execute(line))
            except GameOver as over:
                print(over)
                print("*** You have", "won" if over.won else "died", "***")
                break
        else:
            print("\n(The script ran out before the story ended.)")
        print(self.do_score(()))
        counts = {}
        for verb in self.player.history:
            counts[verb] = counts.get(verb, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4]
        print("Most used:", ", ".join(f"{v}x{c}" for v, c in top))


SCRIPT = [
    "look", "take lamp", "e", "take anvil", "take knife", "i",
    "dance", "gi knife", "d", "take key", "w", "use key", "use knife",
    "drop knife", "", "west", "score", "take crown", "look",
]

if __name__ == "__main__":
    game = Game()
    game.play(SCRIPT)
    print(game.commands["n"].__name__, sorted(r.key for r in game.rooms.values() if r.visits))
    print(repr(sorted(game.player.inventory, key=lambda i: i.name)))

    # a second game dies in the dark
    g2 = Game()
    g2.play(["e", "d", "w"])
    print(len(g2.player.history), g2.player.room.title)
