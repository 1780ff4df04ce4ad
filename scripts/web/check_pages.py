"""Browser, filter and structured-data checks of an exported site served on loopback.

Usage: check_pages.py SERVED_URL SITE_DIR LEERLIJN_BINARY BASE_URL
Every check is bounded: a fixed list of pages and cases, page-load timeouts, no network
beyond 127.0.0.1 (pyld's document loader serves a local context and refuses everything else).
"""
import glob
import json
import os
import subprocess
import sys

import extruct
from axe_selenium_python import Axe
from pyld import jsonld
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

served, site, leerlijn, base = sys.argv[1:5]
failures = []

# --- structured data: extruct + pyld with a local context --------------------------------
LOCAL_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}


def local_loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contextUrl": None, "documentUrl": url, "document": LOCAL_CONTEXT}
    raise jsonld.JsonLdError("network disabled", "loading document failed", {"url": url})


jsonld.set_document_loader(local_loader)
S = "https://schema.org/"
expected_always = [S + "name", S + "description", S + "audience", S + "about", S + "teaches", S + "provider"]
pages = sorted(glob.glob(os.path.join(site, "programmes", "*.html")))
for path in pages:
    page_id = os.path.basename(path)[:-5]
    url = base + "programmes/" + page_id + ".html"
    with open(path, encoding="utf-8") as handle:
        data = extruct.extract(handle.read(), base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]
    if len(data) != 1:
        failures.append(f"{page_id}: extruct found {len(data)} JSON-LD blocks")
        continue
    expanded = jsonld.expand(data[0], {"base": url})
    if len(expanded) != 1:
        failures.append(f"{page_id}: expanded to {len(expanded)} nodes")
        continue
    node = expanded[0]
    if node.get("@id") != url:
        failures.append(f"{page_id}: @id {node.get('@id')} != {url}")
    types = set(node.get("@type", []))
    if S + "LearningResource" not in types:
        failures.append(f"{page_id}: not a LearningResource: {types}")
    missing = [p for p in expected_always if p not in node and not (p == S + "provider")]
    if missing:
        failures.append(f"{page_id}: missing {missing}")
    for audience in node.get(S + "audience", []):
        if S + "EducationalAudience" not in audience.get("@type", []) or S + "educationalRole" not in audience:
            failures.append(f"{page_id}: audience without EducationalAudience/educationalRole")
    for term in node.get(S + "about", []):
        if S + "DefinedTerm" not in term.get("@type", []) or S + "inDefinedTermSet" not in term:
            failures.append(f"{page_id}: topic without DefinedTerm/inDefinedTermSet")
    languages = {value.get("@language") for value in node.get(S + "name", [])}
    if languages != {"nl", "en"}:
        failures.append(f"{page_id}: name languages {languages}")
print(f"structured data: {len(pages)} programme pages extracted and expanded")

# --- browser: axe at two widths, filters against leerlijn query ---------------------------
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
driver.set_script_timeout(60)

axe_pages = ["index.html"] + ["programmes/" + os.path.basename(p) for p in pages[:6]] \
    + sorted("plans/" + os.path.basename(p) for p in glob.glob(os.path.join(site, "plans", "*.html")))[:4]
violations_seen = 0
rules_passed = 0
try:
    for width, height in [(1280, 900), (390, 844)]:
        driver.set_window_size(width, height)
        for page in axe_pages:
            driver.get(served + page)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
            violations_seen += len(results["violations"])
            rules_passed += len(results.get("passes", []))
            if not results.get("passes"):
                failures.append(f"axe {width}px {page}: no rule ran (axe-core not injected?)")
            for violation in bad:
                failures.append(f"axe {width}px {page}: {violation['id']} ({violation['impact']}): {violation['help']}")
            scroll = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if width == 390 and scroll > 0:
                failures.append(f"{page} scrolls sideways at 390px by {scroll}px")
    print(f"axe: {len(axe_pages)} pages at 1280 and 390 px; {rules_passed} rule passes, {violations_seen} violations in all, "
          f"{sum(1 for f in failures if f.startswith('axe'))} serious/critical")

    cases = [
        {},
        {"age": "10"},
        {"age": "10", "stated-ages-only": "1"},
        {"audience": "parents"},
        {"audience": "professionals", "sector": "education"},
        {"topic": "online-safety"},
        {"age": "15", "topic": "online-safety"},
        {"sector": "sport"},
    ]
    driver.set_window_size(1280, 900)
    for case in cases:
        query = "&".join(f"{k}={v}" for k, v in case.items())
        driver.get(served + "index.html" + ("?" + query if query else ""))
        shown = sorted(row.get_attribute("id")[len("programme-"):]
                       for row in driver.find_elements(By.CSS_SELECTOR, "#catalogue tbody tr")
                       if row.get_attribute("hidden") is None)
        arguments = [leerlijn, "query", "--include-ended", "--output", "json"]
        for key, value in case.items():
            arguments += ["--stated-ages-only"] if key == "stated-ages-only" else ["--" + key, value]
        result = json.loads(subprocess.run(arguments, check=True, capture_output=True, timeout=60).stdout)
        expected = sorted(p["id"] for p in result["programmes"])
        status = driver.find_element(By.ID, "filter-status").text
        agree = shown == expected and status.startswith(f"{len(shown)} van ")
        print(f"filters {query or '(none)'}: page {len(shown)}, query {len(expected)}, status '{status}': "
              + ("agree" if agree else "DISAGREE"))
        if not agree:
            failures.append(f"filters {query}: page {shown} != query {expected} (status {status!r})")
finally:
    driver.quit()

if failures:
    print("\n".join("FAIL " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print("check-web: all checks passed")
