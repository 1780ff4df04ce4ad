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
from selenium.webdriver.support.ui import WebDriverWait

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
english_pages = sorted(glob.glob(os.path.join(site, "en", "programmes", "*.html")))
if sorted(os.path.basename(p) for p in english_pages) != sorted(os.path.basename(p) for p in pages):
    failures.append("the English programme pages (en/programmes/) are not the Dutch ones")
# One @id per programme (its Dutch page, the x-default), and each page's own address as url.
structured = [(p, "programmes/", "") for p in pages] + [(p, "en/programmes/", "en ") for p in english_pages]
for path, folder, label in structured:
    page_id = label + os.path.basename(path)[:-5]
    url = base + folder + os.path.basename(path)
    programme_id = base + "programmes/" + os.path.basename(path)
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
    if node.get("@id") != programme_id:
        failures.append(f"{page_id}: @id {node.get('@id')} != {programme_id}")
    if [u.get("@id") or u.get("@value") for u in node.get(S + "url", [])] != [url]:
        failures.append(f"{page_id}: url {node.get(S + 'url')} != {url}")
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
print(f"structured data: {len(structured)} programme pages ({len(pages)} nl, {len(english_pages)} en) "
      "extracted and expanded")

# --- hreflang: every page pair names both languages and x-default, the same on both pages ---
from lxml import etree, html as lxml_html  # noqa: E402

pairs = [("index.html", "en/index.html")] + [("programmes/" + os.path.basename(p), "en/programmes/" + os.path.basename(p))
                                             for p in pages]


def address(path):
    return base + (path[:-len("index.html")] if path.endswith("index.html") else path)


for nl_path, en_path in pairs:
    expected = {"nl": address(nl_path), "en": address(en_path), "x-default": address(nl_path)}
    for path, language in ((nl_path, "nl"), (en_path, "en")):
        document = lxml_html.parse(os.path.join(site, path)).getroot()
        if document.get("lang") != language:
            failures.append(f"{path}: <html lang={document.get('lang')!r}>, expected {language!r}")
        found = {link.get("hreflang"): link.get("href") for link in document.iter("link")
                 if link.get("rel") == "alternate" and link.get("hreflang")}
        if found != expected:
            failures.append(f"{path}: hreflang alternates {found} != {expected}")
        other = "en" if language == "nl" else "nl"
        switch = [a for a in document.iter("a") if a.get("hreflang") == other and a.get("lang") == other]
        if len(switch) != 1:
            failures.append(f"{path}: {len(switch)} visible links to the {other} page")
print(f"hreflang: {len(pairs)} page pairs reciprocal")

# --- sitemap: both languages, each entry with the same xhtml:link alternates as its pages ----
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
sitemap = etree.parse(os.path.join(site, "sitemap.xml"))
entries = {}
for entry in sitemap.getroot().findall("s:url", NS):
    entries[entry.findtext("s:loc", namespaces=NS)] = {
        link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS) if link.get("rel") == "alternate"}
for nl_path, en_path in pairs:
    expected = {"nl": address(nl_path), "en": address(en_path), "x-default": address(nl_path)}
    for path in (nl_path, en_path):
        if entries.get(address(path)) != expected:
            failures.append(f"sitemap: {address(path)} alternates {entries.get(address(path))} != {expected}")
print(f"sitemap: {len(entries)} urls, {2 * len(pairs)} with language alternates")

# --- browser: axe at two widths, filters against leerlijn query ---------------------------
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
driver.set_script_timeout(60)

plan_pages = sorted("plans/" + os.path.basename(p) for p in glob.glob(os.path.join(site, "plans", "*.html")))
axe_pages = ["index.html", "en/index.html"] + ["programmes/" + os.path.basename(p) for p in pages[:6]] \
    + ["en/programmes/" + os.path.basename(p) for p in english_pages[:3]] + plan_pages[:4]
# The dark colour scheme (emulated with the DevTools protocol) for the pages whose colours matter
# most: both catalogues, a programme page in each language and the plan reports with their SVG.
dark_pages = ["index.html", "en/index.html", "programmes/" + os.path.basename(pages[0]),
              "en/programmes/" + os.path.basename(english_pages[0])] + plan_pages[:4]


def set_scheme(scheme):
    features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})


violations_seen = 0
rules_passed = 0
runs = 0
try:
    for scheme, scheme_pages in [(None, axe_pages), ("dark", dark_pages)]:
        set_scheme(scheme)
        for width, height in [(1280, 900), (390, 844)]:
            driver.set_window_size(width, height)
            for page in scheme_pages:
                driver.get(served + page)
                where = f"axe {width}px{' dark' if scheme else ''} {page}"
                if scheme == "dark" and not driver.execute_script(
                        "return window.matchMedia('(prefers-color-scheme: dark)').matches"):
                    failures.append(f"{where}: the dark scheme is not emulated")
                axe = Axe(driver)
                axe.inject()
                results = axe.run()
                runs += 1
                bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
                violations_seen += len(results["violations"])
                rules_passed += len(results.get("passes", []))
                if not results.get("passes"):
                    failures.append(f"{where}: no rule ran (axe-core not injected?)")
                for violation in bad:
                    failures.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}")
                scroll = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if scroll > 0:
                    failures.append(f"{page} scrolls sideways at {width}px{' dark' if scheme else ''} by {scroll}px")
    set_scheme(None)
    print(f"axe: {len(axe_pages)} pages at 1280 and 390 px, {len(dark_pages)} of them also in the dark scheme "
          f"({runs} runs); {rules_passed} rule passes, {violations_seen} violations in all, "
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
    # Every case on the Dutch page, and some on the English one (same data, English wording).
    runs = [("index.html", case, "van") for case in cases] + [("en/index.html", case, "of") for case in cases[:5]]
    driver.set_window_size(1280, 900)
    for page, case, of in runs:
        query = "&".join(f"{k}={v}" for k, v in case.items())
        driver.get(served + page + ("?" + query if query else ""))
        shown = sorted(row.get_attribute("id")[len("programme-"):]
                       for row in driver.find_elements(By.CSS_SELECTOR, "#catalogue tbody tr")
                       if row.get_attribute("hidden") is None)
        arguments = [leerlijn, "query", "--include-ended", "--output", "json"]
        for key, value in case.items():
            arguments += ["--stated-ages-only"] if key == "stated-ages-only" else ["--" + key, value]
        result = json.loads(subprocess.run(arguments, check=True, capture_output=True, timeout=60).stdout)
        expected = sorted(p["id"] for p in result["programmes"])
        status = driver.find_element(By.ID, "filter-status").text
        kept = driver.execute_script("return window.location.search")
        agree = shown == expected and status.startswith(f"{len(shown)} {of} ") and kept == ("?" + query if query else "")
        print(f"filters {page} {query or '(none)'}: page {len(shown)}, query {len(expected)}, status '{status}': "
              + ("agree" if agree else "DISAGREE"))
        if not agree:
            failures.append(f"filters {page} {query}: page {shown} != query {expected} (status {status!r}, url {kept!r})")

    # The partner widget, on a partner page with a strict CSP (scripts and fetches from this
    # origin only, no inline anything), in both languages: the programmes it lists are the
    # active ones `leerlijn query` finds, each linking to its page in the widget's language.
    widget_cases = [("nl", {"audience": "parents"}), ("en", {"age": "10"}), ("en", {"topic": "online-safety"})]
    os.makedirs(os.path.join(site, "partner"), exist_ok=True)
    for number, (language, case) in enumerate(widget_cases):
        attributes = " ".join(f'data-{k}="{v}"' for k, v in case.items())
        name = f"partner/widget-{number}.html"
        with open(os.path.join(site, name), "w", encoding="utf-8") as page_file:
            page_file.write(f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; connect-src 'self'">
<title>Partner</title></head><body>
<div id="widget" data-leerlijn-catalogue="../catalogue.json" data-language="{language}" data-limit="100" {attributes}>
<a href="../index.html">catalogue</a></div>
<script src="../widget.js" defer></script></body></html>
""")
        driver.get(served + name)
        try:
            WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#widget [role=status]"))
        except Exception:
            failures.append(f"widget {language} {case}: nothing rendered (CSP or fetch failed?)")
            continue
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#widget li a")]
        prefix = served + ("en/" if language == "en" else "") + "programmes/"
        ids = sorted(link[len(prefix):-len(".html")] for link in links if link.startswith(prefix) and link.endswith(".html"))
        arguments = [leerlijn, "query", "--output", "json"]
        for key, value in case.items():
            arguments += ["--" + key, value]
        expected = sorted(p["id"] for p in json.loads(
            subprocess.run(arguments, check=True, capture_output=True, timeout=60).stdout)["programmes"])
        status = driver.find_element(By.CSS_SELECTOR, "#widget [role=status]").text
        wording = "programmes from the Leerlijn catalogue" if language == "en" else "uit de Leerlijn-catalogus"
        agree = ids == expected and len(links) == len(ids) and (wording in status or not expected)
        print(f"widget {language} {case}: {len(ids)} links, query {len(expected)}, status '{status}': "
              + ("agree" if agree else "DISAGREE"))
        if not agree:
            failures.append(f"widget {language} {case}: links {links} != query {expected} (status {status!r})")
finally:
    driver.quit()

if failures:
    print("\n".join("FAIL " + f for f in failures), file=sys.stderr)
    sys.exit(1)
print("check-web: all checks passed")
