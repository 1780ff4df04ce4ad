#!/usr/bin/env python3
"""Parse every calendar with the `icalendar` package, as a subscribing client would.

Usage: check-calendars.py FILE_OR_URL...   Exits 1 when any calendar fails to parse, has no
component, or breaks the rules Leerlijn promises (VALARM in each event, VTODO with UID and
DTSTAMP).
"""
import sys
import urllib.request

import icalendar


def load(source):
    if source.startswith("http://"):
        with urllib.request.urlopen(source, timeout=10) as response:
            return response.read()
    with open(source, "rb") as handle:
        return handle.read()


def check(source):
    calendar = icalendar.Calendar.from_ical(load(source))
    events = calendar.walk("VEVENT")
    todos = calendar.walk("VTODO")
    problems = []
    if not events and not todos:
        problems.append("no VEVENT or VTODO")
    for event in events:
        if not event.walk("VALARM"):
            problems.append(f"event {event.get('UID')} has no VALARM")
        for alarm in event.walk("VALARM"):
            if alarm.get("TRIGGER") is None or alarm.get("ACTION") is None:
                problems.append(f"alarm of {event.get('UID')} lacks TRIGGER or ACTION")
    for todo in todos:
        if todo.get("UID") is None or todo.get("DTSTAMP") is None:
            problems.append("a VTODO lacks UID or DTSTAMP")
    status = "ok" if not problems else "FAIL: " + "; ".join(problems)
    print(f"{source}: {len(events)} events, {len(todos)} to-dos, "
          f"{sum(len(e.walk('VALARM')) for e in events)} alarms: {status}")
    return not problems


def main(sources):
    ok = True
    for source in sources:
        try:
            ok = check(source) and ok
        except Exception as error:  # a parse failure is a finding, not a crash
            print(f"{source}: FAIL: {error}")
            ok = False
    return 0 if ok and sources else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
