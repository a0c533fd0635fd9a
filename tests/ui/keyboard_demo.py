#!/usr/bin/python3
"""The whole demo from the keyboard alone, as a receptionist who cannot use a mouse would run it,
reading what the console says through AT-SPI as a screen reader does. Not a test: it drives the
console scripts/run started (xdotool for the keys, python3-pyatspi for what is read, ImageMagick's
import for screenshots of the focus) and writes docs/screenshots/keyboard-*.png and the AT-SPI
dumps docs/ACCESSIBILITY.md quotes.

  DISPLAY=:NN DBUS_SESSION_BUS_ADDRESS=... keyboard_demo.py OUT_DIR ADMIN_PASSWORD

The console must run with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 on that D-Bus session.
"""
import os
import re
import subprocess
import sys
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import atspi_dump  # noqa: E402

OUT, PASSWORD = sys.argv[1], sys.argv[2]
LOG = []


def say(text):
    LOG.append(text)
    print(text, flush=True)


def key(*keys, delay=60):
    subprocess.run(["xdotool", "key", "--delay", str(delay)] + list(keys), check=True)
    time.sleep(0.35)


def type_text(text):
    subprocess.run(["xdotool", "type", "--delay", "25", text], check=True)
    time.sleep(0.3)


def shot(name):
    time.sleep(0.5)
    path = os.path.join(OUT, "keyboard-%s.png" % name)
    subprocess.run(["import", "-window", "root", path], check=True)
    say("screenshot: " + path)


def app():
    return atspi_dump.console()


def focus():
    """The focused object (None if nothing), read fresh from the console."""
    for _ in range(20):
        try:
            acc = atspi_dump.focused(atspi_dump.active_window(app()))
        except Exception:  # an object deleted while it was read: read again
            acc = None
        if acc is not None:
            return acc
        time.sleep(0.2)
    return None


def read_focus():
    acc = focus()
    text = atspi_dump.line(acc, 0) if acc is not None else "(nothing has the focus)"
    say("  reader: " + text)
    return acc


def wait_focus(predicate, what, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        acc = focus()
        if acc is not None and predicate(acc):
            return acc
        time.sleep(0.3)
    read_focus()
    sys.exit("keyboard_demo: timed out waiting for " + what)


def tab_to(predicate, what, backwards=False, limit=40):
    """Tab (or Shift+Tab) until the reader says what `predicate` wants."""
    for _ in range(limit):
        acc = focus()
        if acc is not None and predicate(acc):
            return acc
        key("shift+Tab" if backwards else "Tab")
    read_focus()
    sys.exit("keyboard_demo: Tab never reached " + what)


def arrow_to(prefix, what, limit=12):
    """Right arrow along a radio group until the focused button's name starts with `prefix`."""
    for _ in range(limit):
        if name(focus()).startswith(prefix):
            return focus()
        key("Right")
    read_focus()
    sys.exit("keyboard_demo: no " + what)


def open_first_row_of(status_prefix):
    """From the board: the status filter `status_prefix`, then the first row, opened."""
    key("ctrl+f")
    tab_to(lambda a: role(a) == "radio button", "the status filters", backwards=True)
    read_focus()
    arrow_to(status_prefix, "filter " + status_prefix)
    read_focus()
    tab_to(lambda a: role(a) in ("table", "table cell"), "the visits table")
    key("Down")
    key("Up")
    read_focus()
    key("Return")


def role(acc):
    return acc.getRoleName() if acc is not None else ""


def name(acc):
    return acc.name if acc is not None else ""


def dump(file, title):
    out = []
    atspi_dump.walk(atspi_dump.active_window(app()), 0, False, out)
    with open(os.path.join(OUT, file), "w") as f:
        f.write("# " + title + "\n" + "\n".join(out) + "\n")
    say("dump: " + file)


def step_title():
    """The wizard's current step, as its step list says it ("Step 2 of 5: … (current step)")."""
    def find(acc):
        if acc is None:
            return ""
        if acc.getRole() == pyatspi.ROLE_LIST_ITEM and "(current step)" in (acc.name or ""):
            # "Step 2 of 5: Visit, medication and pharmacy (current step)" -> the title
            return acc.name.split(": ", 1)[-1].replace(" (current step)", "")
        if acc.getRole() == pyatspi.ROLE_LIST and acc.name != "Intake steps":
            return ""
        for i in range(acc.childCount):
            found = find(acc.getChildAtIndex(i))
            if found:
                return found
        return ""
    return find(atspi_dump.active_window(app()))


ANSWERS = [("first name", "Kay"), ("last name", None), ("date of birth", "01/15/1985"),
           ("phone", None), ("e-mail", "kay@example.org"), ("street", "1 Main St"),
           ("city", "Austin"), ("state", "TX"), ("zip", "78701"), ("pharmacy", "Main Pharmacy"),
           ("weight", "210"), ("height", "66"), ("bmi", "31"), ("date", "01/15/2020"),
           ("dose", "0.25"), ("age", "40")]


def answer_for(field_name, n):
    lowered = field_name.lower()
    for key_, value in ANSWERS:
        if key_ in lowered:
            if key_ == "last name":
                return "Keyboard%s" % chr(ord("A") + n)
            if key_ == "phone":
                return "(512) 555-02%02d" % (40 + n)
            if key_ == "zip" or (key_ == "pharmacy" and "zip" in lowered):
                return "78701"
            return value
    return "None"


def fix_from_error(description):
    """What to type after the field says what is wrong (its accessible description)."""
    m = re.search(r"(\d+(?:\.\d+)?) or (?:more|less)", description)
    if m:
        return m.group(1)
    if "number" in description:
        return "2"
    if "date" in description.lower():
        return "01/15/2020"
    return "None"


def fill_step(n, visit_type_downs=None):
    """Tab through one step, answering what is empty, until the keyboard reaches Save and
    close; returns the names of the controls it passed."""
    passed = []
    seen = set()
    for _ in range(120):
        acc = focus()
        r, nm = role(acc), name(acc)
        ident = (r, nm, acc.getIndexInParent() if acc is not None else -1)
        if r == "push button" and ("Save and close" in nm or "Guardar" in nm):
            return passed
        if ident in seen and r != "radio button":
            key("Tab")
            continue
        seen.add(ident)
        passed.append("%s \"%s\"" % (r, nm))
        states = acc.getState()
        if r == "combo box" and visit_type_downs is not None and "Choose" in nm:
            for _ in range(visit_type_downs):
                key("Down")
            visit_type_downs = None
        elif r == "combo box" and ("Choose" in nm or nm == ""):
            key("Down")
        elif r == "text" and states.contains(pyatspi.STATE_EDITABLE) and "required" in nm:
            text = atspi_dump.text_of(acc) or ""
            if not text.strip():
                type_text(answer_for(nm, n) if not states.contains(pyatspi.STATE_MULTI_LINE)
                          else "None")
        elif r == "radio button" and not states.contains(pyatspi.STATE_CHECKED):
            group = acc.parent
            if group is not None and not any(
                    group.getChildAtIndex(i) is not None and
                    group.getChildAtIndex(i).getState().contains(pyatspi.STATE_CHECKED)
                    for i in range(group.childCount)):
                key("space")
        elif r == "check box" and not states.contains(pyatspi.STATE_CHECKED):
            parent = acc.parent
            if nm.startswith("The patient") or nm.startswith("El paciente") or (
                    parent is not None and parent.getRole() == pyatspi.ROLE_PANEL and
                    "required" in (parent.name or "") and acc.getIndexInParent() == 0):
                key("space")
        key("Tab")
    return passed


def refocus_window():
    """No window manager under Xvfb: give the console's main window the X input focus, as a
    desktop does when it opens and when one of its dialogs closes."""
    for wid in subprocess.run(["xdotool", "search", "--name", "^ClinicDesk$"],
                              capture_output=True, text=True, check=True).stdout.split():
        if subprocess.run(["xdotool", "windowfocus", "--sync", wid]).returncode == 0:
            break
    time.sleep(0.3)


def main():
    # What a screen reader hears all along: focus changes and notifications, as they arrive.
    events = open(os.path.join(OUT, "atspi-events.txt"), "w")
    listener = subprocess.Popen([sys.executable, os.path.join(os.path.dirname(
        os.path.abspath(__file__)), "atspi_dump.py"), "listen", "1800"], stdout=events)
    time.sleep(2)
    try:
        run()
    finally:
        listener.terminate()
        listener.wait()
        events.close()


def run():
    refocus_window()
    say("== sign in")
    wait_focus(lambda a: "Username" in name(a), "the username field")
    read_focus()
    dump("atspi-sign-in.txt", "Sign-in page, as AT-SPI gives it")
    shot("01-sign-in")
    type_text("admin")
    key("Tab")
    type_text(PASSWORD)
    key("Return")
    board = wait_focus(lambda a: role(a) in ("table", "table cell", "text"), "the board")
    read_focus()
    time.sleep(1)
    dump("atspi-board.txt", "Home page with the visit board, as AT-SPI gives it")
    shot("02-board-after-sign-in")

    say("== menu bar from the keyboard")
    key("F10")
    shot("03-menu-bar")
    key("Escape")
    key("Escape")

    say("== status filters, date filter")
    key("ctrl+f")
    read_focus()
    tab_to(lambda a: role(a) == "radio button", "the status filters", backwards=True)
    read_focus()
    key("Right")
    read_focus()
    shot("04-status-filter-radio")
    key("Left")
    tab_to(lambda a: name(a) == "Submitted from", "the From date")
    read_focus()
    key("Up")
    read_focus()
    shot("05-date-filter-today")
    key("Delete")
    read_focus()
    key("Tab")
    read_focus()
    key("Tab")
    read_focus()

    say("== answer the clinician")
    open_first_row_of("Needs information")
    wait_focus(lambda a: "Reply" in name(a), "the reply box")
    read_focus()
    dump("atspi-visit-detail.txt", "Visit detail (needs information), as AT-SPI gives it")
    type_text("The patient took 50 mg once, yesterday evening.")
    key("ctrl+Return")
    time.sleep(1)
    read_focus()
    shot("06-reply-queued")
    key("Escape")
    # Back on the board: its table, or the search when the filter now shows no visit.
    wait_focus(lambda a: role(a) in ("table", "table cell") or name(a) == "Find patient",
               "the board")
    read_focus()

    say("== fix and resubmit")
    open_first_row_of("Rejected")
    wait_focus(lambda a: "Fix" in name(a), "Fix and resubmit")
    read_focus()
    shot("07-rejected-fix-focused")
    key("space")
    time.sleep(1)
    read_focus()
    shot("08-fix-dialog")
    key("Return")
    time.sleep(1)
    refocus_window()
    read_focus()
    key("Escape")
    time.sleep(1)
    read_focus()

    say("== an intake of each visit type")
    types = ["ED", "PE", "hairloss", "weightloss", "weightlossfollowup"]  # the selector's order
    for n, vtype in enumerate(types):
        key("ctrl+shift+n")
        wait_focus(lambda a: "First name" in name(a), "the intake's first field")
        read_focus()
        if n == 0:
            shot("09-intake-opens-on-first-name")
        for step in range(8):
            title = step_title()
            say("-- %s, step %d: %s" % (vtype, step + 1, title))
            if "Review" in title:
                key("Tab")  # into the summary
                if n == 0:
                    dump("atspi-review.txt", "Intake review step, as AT-SPI gives it")
                    shot("11-review-%s" % vtype)
                fill_step(n)
                key("ctrl+Return")  # Submit
                time.sleep(2)
                read_focus()
                break
            passed = fill_step(n, visit_type_downs=(n + 1) if step == 1 else None)
            say("   passed: " + "; ".join(passed[:6]) + ("…" if len(passed) > 6 else ""))
            if n == 0 and step == 1:
                shot("10-intake-%s-visit-step" % vtype)
            for _attempt in range(6):
                key("ctrl+Return")
                time.sleep(1)
                if step_title() != title:
                    break
                # Still here: the keyboard is on the first field with a problem, whose
                # description says what it is (as a screen reader would say it).
                acc = focus()
                say("   stayed on the step: " + atspi_dump.line(acc, 0))
                if acc is not None and role(acc) == "text":
                    key("ctrl+a")
                    type_text(fix_from_error(acc.description or ""))
                elif acc is not None and role(acc) == "combo box":
                    key("Down")
        wait_focus(lambda a: role(a) in ("table", "table cell") or name(a) == "Find patient",
                   "the board")
        if n == 0:
            shot("12-board-after-submit")

    say("== accounts")
    key("ctrl+shift+a")
    read_focus()
    shot("13-accounts")
    key("Tab")
    read_focus()
    key("space")
    time.sleep(1)
    read_focus()
    type_text("reception2")
    key("Tab")
    type_text("Second Reception")
    key("Tab")
    key("Tab")
    type_text("quiet harbour lantern")
    key("Tab")
    type_text("quiet harbour lantern")
    shot("14-new-account")
    key("Return")
    time.sleep(1)
    refocus_window()
    read_focus()

    say("== audit export")
    key("ctrl+shift+e")
    time.sleep(1)
    read_focus()
    for _ in range(4):
        key("Tab")
    read_focus()
    key("ctrl+a")
    type_text("/tmp/clinicdesk-keyboard-audit.csv")
    key("Return")
    time.sleep(2)
    read_focus()
    shot("15-audit-exported")
    key("Escape")
    refocus_window()

    say("== lock and sign out")
    key("ctrl+l")
    read_focus()
    shot("16-locked")
    type_text(PASSWORD)
    key("Return")
    time.sleep(1)
    read_focus()
    key("ctrl+shift+q")
    read_focus()
    with open(os.path.join(OUT, "keyboard-demo.log"), "w") as f:
        f.write("\n".join(LOG) + "\n")


if __name__ == "__main__":
    main()
