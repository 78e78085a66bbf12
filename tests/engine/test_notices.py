from __future__ import annotations

from deskbreak.engine.notices import Notices, Priority


def test_one_source_never_wipes_another() -> None:
    notices = Notices()
    notices.post("store", "Disk full: 2 breaks wait to be saved", Priority.DATA)
    notices.post("config", "Config problem: run `deskbreak config check`")
    notices.clear("config")  # settings applied: only the config's own notice goes
    assert notices.text() == "Disk full: 2 breaks wait to be saved"


def test_the_most_important_comes_first_and_each_source_keeps_one() -> None:
    notices = Notices()
    notices.post("config", "old config text")
    notices.post("autostart", "Start at login: not allowed", Priority.INFO)
    notices.post("store", "Database locked", Priority.DATA)
    notices.post("config", "new config text")
    assert [n.text for n in notices.current()] == [
        "Database locked",
        "new config text",
        "Start at login: not allowed",
    ]
    assert (
        notices.text(limit=2)
        == "Database locked\nnew config text\n(+1 more: see `deskbreak doctor`)"
    )


def test_nothing_to_say_is_none() -> None:
    notices = Notices()
    assert notices.text() is None
    notices.post("store", "x")
    notices.clear("store")
    assert notices.text() is None
