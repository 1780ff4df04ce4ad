"""Screenshots of exported pages in headless chromium, for the issue's closing note.

Usage: screenshots.py SERVED_URL OUT_DIR PAGE[:dark] ...
Each page is shot at 1280x900 (desktop) and 390x844 (phone), full page height; ":dark"
emulates prefers-color-scheme: dark. Files: OUT_DIR/NAME-desktop.png, NAME-phone.png, where
NAME is the page path with "/" as "-" (and "-dark"). Loopback only, like check_pages.py.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

served, out = sys.argv[1:3]
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)
try:
    for spec in sys.argv[3:]:
        page, _, scheme = spec.partition(":")
        features = [{"name": "prefers-color-scheme", "value": scheme}] if scheme else []
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": features})
        name = page[:-5].replace("/", "-") + ("-" + scheme if scheme else "")
        for label, width, height in [("desktop", 1280, 900), ("phone", 390, 844)]:
            driver.set_window_size(width, height)
            driver.get(served + page)
            full = driver.execute_script("return document.documentElement.scrollHeight")
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": min(full, 6000), "deviceScaleFactor": 1, "mobile": label == "phone"})
            path = os.path.join(out, f"{name}-{label}.png")
            driver.save_screenshot(path)
            driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
            print(path)
finally:
    driver.quit()
