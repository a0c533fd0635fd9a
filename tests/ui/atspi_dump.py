#!/usr/bin/python3
"""What a screen reader is given by a running ClinicDesk console over AT-SPI (Debian's
python3-pyatspi; the console started with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on the same D-Bus
session). Not a test: docs/ACCESSIBILITY.md shows its output for the main screens.

  atspi_dump.py tree [--all]      the active window: role, name, description, states, text
  atspi_dump.py focus             the focused object, as Orca would announce it
  atspi_dump.py listen SECONDS    focus changes and notifications shown, as they arrive

Only ids and demo data ever reach the console in the demo, but the dump prints what the screen
shows: do not run it on a console with real patients.
"""
import sys
import time

import pyatspi

INTERESTING = ("focused", "checked", "selected", "editable", "focusable", "expanded",
               "multi-line", "sensitive")


def states(acc):
    s = acc.getState()
    names = [pyatspi.stateToString(st) for st in s.getStates()]
    return [n for n in names if n in INTERESTING or n in ("showing",)]


def text_of(acc):
    try:
        t = acc.queryText()
    except NotImplementedError:
        return None
    return t.getText(0, min(t.characterCount, 400))


def labelled_by(acc):
    out = []
    for rel in acc.getRelationSet():
        if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(rel.getNTargets()):
                out.append(rel.getTarget(i).name)
    return out


def line(acc, depth):
    parts = ["  " * depth + acc.getRoleName()]
    if acc.name:
        parts.append('"%s"' % acc.name)
    if acc.description:
        parts.append("desc=\"%s\"" % acc.description)
    lb = labelled_by(acc)
    if lb:
        parts.append("labelled-by=%s" % lb)
    st = [s for s in states(acc) if s not in ("showing", "sensitive")]
    if st:
        parts.append("[%s]" % ",".join(st))
    txt = text_of(acc)
    if txt and txt.strip() and txt != acc.name:
        parts.append("text=\"%s\"" % txt.replace("\n", " / ")[:200])
    return " ".join(parts)


def walk(acc, depth, show_all, out):
    if acc is None:
        return
    if not show_all and "showing" not in states(acc) and depth > 0:
        return
    out.append(line(acc, depth))
    role = acc.getRole()
    if role in (pyatspi.ROLE_TABLE, pyatspi.ROLE_LIST) and not show_all:
        # The first few rows, as a reader arrowing down would hear them.
        for i in range(min(acc.childCount, 12)):
            child = acc.getChildAtIndex(i)
            if child is not None:
                out.append("  " * (depth + 1) + "%s \"%s\"" % (child.getRoleName(), child.name))
        return
    for i in range(acc.childCount):
        walk(acc.getChildAtIndex(i), depth + 1, show_all, out)


def console():
    # The first client starts the registry; the console registers with it a moment later.
    for _ in range(50):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name in ("clinicdesk", "ClinicDesk"):
                return app
        time.sleep(0.2)
    sys.exit("atspi_dump: no ClinicDesk console on this AT-SPI bus")


def active_window(app):
    for win in app:
        if win is not None and pyatspi.STATE_ACTIVE in win.getState().getStates():
            return win
    return app.getChildAtIndex(0)


def focused(acc):
    # Only what is showing: Qt reports a table's current cell as focused even on a hidden page.
    if acc is None:
        return None
    st = acc.getState().getStates()
    if pyatspi.STATE_SHOWING not in st and acc.getRole() != pyatspi.ROLE_FRAME:
        return None
    if pyatspi.STATE_FOCUSED in st:
        return acc
    for i in range(acc.childCount):
        found = focused(acc.getChildAtIndex(i))
        if found is not None:
            return found
    return None


def ancestry(acc):
    chain = []
    p = acc.parent
    while p is not None and p.getRole() not in (pyatspi.ROLE_FRAME, pyatspi.ROLE_APPLICATION):
        if p.name and p.getRole() in (pyatspi.ROLE_PANEL, pyatspi.ROLE_PAGE_TAB,
                                      pyatspi.ROLE_DIALOG, pyatspi.ROLE_SCROLL_PANE):
            chain.append("%s \"%s\"" % (p.getRoleName(), p.name))
        p = p.parent
    return list(reversed(chain))


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "tree"
    app = console()
    if mode == "tree":
        out = []
        walk(active_window(app), 0, "--all" in sys.argv, out)
        print("\n".join(out))
    elif mode == "focus":
        acc = focused(active_window(app))
        if acc is None:
            print("(nothing has the focus)")
            return
        for a in ancestry(acc):
            print("in " + a)
        print(line(acc, 0))
    elif mode == "listen":
        seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10

        def on_event(event):
            try:
                report(event)
            except Exception as error:  # an object gone before it was read (a closed page)
                print("(gone: %s)" % error, flush=True)

        def report(event):
            src = event.source
            if event.type.startswith("object:state-changed:focused") and event.detail1:
                print("focus: " + line(src, 0), flush=True)
            elif event.type.startswith("object:state-changed:showing") and event.detail1 and \
                    src.getRole() == pyatspi.ROLE_NOTIFICATION:
                print("notification: \"%s\"" % src.name, flush=True)

        # Orca speaks a notification when it is shown (a quiet text change is not spoken).
        pyatspi.Registry.registerEventListener(on_event, "object:state-changed:focused",
                                               "object:state-changed:showing")
        deadline = time.time() + seconds

        def stop():
            if time.time() >= deadline:
                pyatspi.Registry.stop()
                return False
            return True

        from gi.repository import GLib
        GLib.timeout_add(200, stop)
        pyatspi.Registry.start()


if __name__ == "__main__":
    main()
