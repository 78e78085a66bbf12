"""Tk windows. Each widget is a small class taking ``master`` first; none blocks in ``__init__``."""
