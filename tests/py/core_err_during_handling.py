try:
    {}.pop("k")
except KeyError:
    undefined_name_in_handler_zz
