"""deskbreak — a tray companion that turns long sitting spells into short, breath-paced movement breaks."""

__version__ = "0.1.0"
