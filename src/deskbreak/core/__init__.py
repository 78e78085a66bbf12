"""The pure core: break logic, schedule, routines and stats.

Nothing under this package imports Tk, pystray, Pillow or any OS adapter, and every
notion of "now" comes from an injected :class:`~deskbreak.core.clock.Clock`, so whole
workdays can be simulated in milliseconds.
"""
