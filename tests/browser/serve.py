#!/usr/bin/env python3
"""Drives `vanban serve` in headless Chromium as a clerk would.

Called by tests/suite/serve_browser.rs with a running server:
  serve.py URL DIR UPLOAD SHOTS DOWNLOADS
URL is the address the server printed, DIR the served folder (a copy of
examples/), UPLOAD a figures workbook outside it, SHOTS where screenshots go,
DOWNLOADS where the browser saves downloads.

1. The list shows the seed; open it, change a word in a paragraph through the
   form, see the first preview picture change, save. In the tree of
   sections add a section, see it numbered II. and the next one III. in the
   tree and in the pages' text, move it up (I.), delete it; add a recipient;
   move a name of the recipient group up among the group's names;
   save; download the DOCX.
2. Start a six-monthly report from its skeleton, upload the XLSX, attach it,
   see the computed values and verdicts; save, archive it with the next
   number, find it in the register; verify the register.
Every screenshot is checked for content (pixel variance), so a blank or
unstyled page fails. Exits non-zero with a message on the first failure.
"""

import os
import sys
import tempfile
import zipfile

from PIL import Image, ImageStat
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

URL, DIR, UPLOAD, SHOTS, DOWNLOADS = sys.argv[1:6]
SEED = "nghi-quyet-07-NQ-DU-2025.toml"
WAIT = 60  # seconds: a debug build draws the seed's nine pages slowly


def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--window-size=1400,1000", f"--user-data-dir={tempfile.mkdtemp(prefix='vanban-chromium-')}",
    ]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "download.default_directory": DOWNLOADS,
        "download.prompt_for_download": False,
    })
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


def shot(d, name, min_variance=200.0):
    """Saves a screenshot and fails if it is (nearly) one colour."""
    path = os.path.join(SHOTS, name)
    d.save_screenshot(path)
    image = Image.open(path).convert("L")
    variance = ImageStat.Stat(image).var[0]
    if variance < min_variance:
        raise AssertionError(f"{name}: the screenshot is blank (pixel variance {variance:.1f})")
    print(f"{name}: pixel variance {variance:.0f}")


def wait(d, condition, what):
    try:
        return WebDriverWait(
            d, WAIT, poll_frequency=0.1,
            # The page redraws lists while the test reads them.
            ignored_exceptions=(NoSuchElementException, StaleElementReferenceException),
        ).until(lambda _: condition())
    except Exception as e:
        shot_path = os.path.join(SHOTS, "failure.png")
        d.save_screenshot(shot_path)
        message = d.find_element(By.ID, "message").text
        problems = d.find_element(By.ID, "problems").text
        raise AssertionError(f"waiting for {what}: {e!r}; message: {message!r}; problems: {problems!r}")


def message(d):
    return d.find_element(By.ID, "message").text


def first_page(d):
    imgs = d.find_elements(By.CSS_SELECTOR, "#pages img")
    return imgs[0].get_attribute("src") if imgs else None


def pages_text(d):
    """The pages' text as the preview lays them out (each picture's alt)."""
    imgs = d.find_elements(By.CSS_SELECTOR, "#pages img")
    return " ".join(" ".join((i.get_attribute("alt") or "").split()) for i in imgs)


def section_number(d, item):
    found = d.find_elements(By.CSS_SELECTOR, f'[data-number-of="{item}"]')
    return found[0].text if found else None


def field_value(d, field):
    found = d.find_elements(By.CSS_SELECTOR, f'[data-field="{field}"]')
    return found[0].get_attribute("value") if found else None


def tool(d, item, op):
    return d.find_element(By.CSS_SELECTOR, f'[data-item="{item}"] button[data-op="{op}"][data-target="{item}"]')


def doc_rows(d):
    return d.find_elements(By.CSS_SELECTOR, "#doc-table tbody tr")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    d = driver()
    try:
        d.get(URL)
        wait(d, lambda: len(doc_rows(d)) >= 8, "the documents of the folder")
        seed_row = wait(d, lambda: next((r for r in doc_rows(d) if r.get_attribute("data-path") == SEED), None),
                        "the seed in the list")
        assert "Số 07-NQ/ĐU" in seed_row.text, seed_row.text
        assert "NGHỊ QUYẾT" in seed_row.text, seed_row.text
        shot(d, "01-list.png")

        # --- 1. the seed: change a word, see the preview change, save
        seed_row.click()
        wait(d, lambda: len(d.find_elements(By.CSS_SELECTOR, "#pages img")) >= 4, "the seed's pages")
        field = wait(d, lambda: d.find_element(By.CSS_SELECTOR, '[data-field="noi_dung[0].doan[0]"]'), "the form")
        before = first_page(d)
        assert before.startswith("data:image/png;base64,"), before[:40]
        old = field.get_attribute("value")
        assert old.startswith("Năm 2025, thực hiện"), old[:40]
        # The clerk replaces the word: the text up to it is kept, then typed.
        d.execute_script(
            "arguments[0].focus(); arguments[0].setSelectionRange(10, 19);", field)
        field.send_keys("triển khai")
        wait(d, lambda: field.get_attribute("value").startswith("Năm 2025, triển khai nhiệm vụ"), "the typed word")
        wait(d, lambda: first_page(d) != before, "the first preview picture to change")
        assert "triển khai nhiệm vụ" in d.find_element(By.ID, "raw").get_attribute("value")
        shot(d, "02-seed-edited.png")
        d.find_element(By.ID, "save").click()
        wait(d, lambda: message(d) == "Đã lưu.", "the save")
        shot(d, "03-seed-saved.png")

        # --- 1b. the tree of sections: add, renumbered live, move, delete
        assert section_number(d, "noi_dung[1]") == "II.", section_number(d, "noi_dung[1]")
        tool(d, "noi_dung[0]", "add").click()
        wait(d, lambda: field_value(d, "noi_dung[1].tieu_de") == "Mục mới", "the new section")
        wait(d, lambda: section_number(d, "noi_dung[1]") == "II."
             and section_number(d, "noi_dung[2]") == "III."
             and field_value(d, "noi_dung[2].tieu_de").startswith("Mục tiêu"), "the new numbers")
        wait(d, lambda: "II. MỤC MỚI III. MỤC TIÊU" in pages_text(d), "the new heading in the pages")
        d.execute_script("arguments[0].scrollIntoView()", d.find_element(By.CSS_SELECTOR, '[data-item="noi_dung[1]"]'))
        shot(d, "03b-section-added.png")
        tool(d, "noi_dung[1]", "up").click()
        wait(d, lambda: field_value(d, "noi_dung[0].tieu_de") == "Mục mới"
             and section_number(d, "noi_dung[0]") == "I."
             and field_value(d, "noi_dung[1].tieu_de").startswith("Kết quả"), "the section moved up")
        wait(d, lambda: "I. MỤC MỚI II. KẾT QUẢ" in pages_text(d), "the moved heading in the pages")
        assert "III. MỤC TIÊU" in pages_text(d)
        shot(d, "03c-section-moved.png")
        tool(d, "noi_dung[0]", "delete").click()
        wait(d, lambda: field_value(d, "noi_dung[0].tieu_de").startswith("Kết quả"), "the section deleted")
        wait(d, lambda: "I. KẾT QUẢ" in pages_text(d) and "MỤC MỚI" not in pages_text(d),
             "the pages without it")
        # A recipient, added at the end of Nơi nhận.
        add = d.find_element(By.CSS_SELECTOR, 'input[data-add-to="noi_nhan.danh_sach"]')
        d.execute_script("arguments[0].scrollIntoView()", add)
        add.send_keys("Ban Tuyên giáo và Dân vận Tỉnh ủy")
        d.find_element(By.CSS_SELECTOR, 'button[data-add-to="noi_nhan.danh_sach"]').click()
        wait(d, lambda: field_value(d, "noi_nhan.danh_sach[9]") == "Ban Tuyên giáo và Dân vận Tỉnh ủy", "the new recipient")
        wait(d, lambda: "- Ban Tuyên giáo và Dân vận Tỉnh ủy," in pages_text(d), "the recipient in the pages")
        shot(d, "03d-recipient-added.png")
        # A name of the recipient group moved up among the group's names only.
        g = "noi_nhan.danh_sach[0].nhom"
        assert field_value(d, f"{g}[1]") == "Các ban đảng, UBKT Tỉnh ủy", field_value(d, f"{g}[1]")
        up = d.find_element(By.CSS_SELECTOR, f'button[data-op="up"][data-target="{g}[2]"]')
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", up)
        up.click()
        wait(d, lambda: field_value(d, f"{g}[1]") == "Văn phòng Tỉnh ủy"
             and field_value(d, f"{g}[2]") == "Các ban đảng, UBKT Tỉnh ủy"
             and field_value(d, f"{g}[0]") == "Thường trực Tỉnh ủy", "the group's names reordered")

        def moved_in_pages():
            text = pages_text(d)
            a, b = text.find("- Văn phòng Tỉnh ủy,"), text.find("- Các ban đảng, UBKT Tỉnh ủy,")
            return 0 <= a < b
        wait(d, moved_in_pages, "the group's new order in the pages")
        assert field_value(d, "noi_nhan.danh_sach[1]") == "Thường trực Đảng ủy"
        shot(d, "03e-group-name-moved.png")
        first = d.find_element(By.CSS_SELECTOR, f'button[data-op="up"][data-target="{g}[0]"]')
        first.click()
        wait(d, lambda: "đã đứng đầu" in message(d), "a first name refused to move up")
        d.find_element(By.ID, "save").click()
        wait(d, lambda: message(d) == "Đã lưu." and "chưa lưu" not in d.find_element(By.ID, "edit-state").text,
             "the save of the structure")
        # The DOCX of the saved file, downloaded by the browser.
        d.find_element(By.ID, "download-docx").click()
        docx = os.path.join(DOWNLOADS, SEED.replace(".toml", ".docx"))
        wait(d, lambda: os.path.exists(docx) and os.path.getsize(docx) > 0, "the DOCX download")
        with zipfile.ZipFile(docx) as z:
            body = z.read("word/document.xml").decode()
        assert "Ban Tuyên giáo và Dân vận Tỉnh ủy" in body, "the DOCX is not the saved document"

        # --- 2. a report from a skeleton and an XLSX, archived, in the register
        d.find_element(By.ID, "back").click()
        wait(d, lambda: len(doc_rows(d)) >= 8, "the list again")
        Select(d.find_element(By.ID, "new-kind")).select_by_value("bao-cao-6-thang|nha-nuoc")
        d.find_element(By.ID, "new-name").send_keys("bao-cao-6-thang-moi.toml")
        d.find_element(By.ID, "new-create").click()
        wait(d, lambda: d.find_element(By.ID, "edit-path").text == "bao-cao-6-thang-moi.toml", "the new report")
        wait(d, lambda: len(d.find_elements(By.CSS_SELECTOR, "#pages img")) >= 1, "the new report's pages")
        d.find_element(By.ID, "tab-data").click()
        d.find_element(By.ID, "data-upload").send_keys(UPLOAD)
        name = os.path.basename(UPLOAD)
        wait(d, lambda: message(d) == f"Đã tải lên: {name}", "the upload")
        wait(d, lambda: Select(d.find_element(By.ID, "data-figures")).first_selected_option.text == name,
             "the uploaded file chosen")
        Select(d.find_element(By.ID, "data-catalogue")).select_by_value("data/vu-quang/chi-tieu-2026.toml")
        d.find_element(By.ID, "data-sheet").send_keys("6 tháng")
        d.find_element(By.ID, "data-period").send_keys("6-thang")
        d.find_element(By.ID, "data-year").send_keys("2026")
        d.find_element(By.ID, "data-attach").click()
        rows = lambda: d.find_elements(By.CSS_SELECTOR, "#indicators tbody tr")
        wait(d, lambda: len(rows()) > 5, "the indicator table")
        verdicts = {r.find_elements(By.TAG_NAME, "td")[-1].text for r in rows()}
        assert verdicts & {"Vượt", "Đạt", "Chưa đạt"}, verdicts
        assert "[so_lieu]" in d.find_element(By.ID, "raw").get_attribute("value")
        summary = d.find_element(By.ID, "indicator-summary").text
        assert "chỉ tiêu đạt và vượt" in summary, summary
        shot(d, "04-report-figures.png")
        d.find_element(By.ID, "save").click()
        wait(d, lambda: message(d) == "Đã lưu.", "the report's save")
        d.find_element(By.ID, "archive").click()
        wait(d, lambda: message(d).startswith("Đã lưu trữ: "), "the archive")
        archived = message(d)
        assert "/BC-UBND" in archived, archived
        number = archived.split(": ", 1)[1].split(" · ")[0]
        shot(d, "05-archived.png")

        d.find_element(By.ID, "nav-register").click()
        register = lambda: d.find_elements(By.CSS_SELECTOR, "#register-table tbody tr")
        wait(d, lambda: any(number in r.text for r in register()), "the entry in the register")
        d.find_element(By.ID, "reg-type").send_keys("NQ")
        d.find_element(By.CSS_SELECTOR, "#register-form button[type=submit]").click()
        wait(d, lambda: not any(number in r.text for r in register()), "the filter to hide the report")
        d.find_element(By.ID, "reg-type").clear()
        d.find_element(By.CSS_SELECTOR, "#register-form button[type=submit]").click()
        wait(d, lambda: any(number in r.text for r in register()), "the report again")
        d.find_element(By.ID, "verify").click()
        wait(d, lambda: "toàn vẹn" in d.find_element(By.ID, "verify-result").text, "the verification")
        shot(d, "06-register.png")

        # --- English on demand
        d.get(URL + "?lang=en")
        wait(d, lambda: len(doc_rows(d)) >= 9, "the list in English")
        assert d.find_element(By.CSS_SELECTOR, "header h1").text == "vanban — documents"
        shot(d, "07-english.png")
        print("browser test passed")
    finally:
        d.quit()


if __name__ == "__main__":
    main()
