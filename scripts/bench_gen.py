#!/usr/bin/env python3
"""Deterministic generator of benchmark sites for unionsite (see docs/performance.md).

From one seed it writes, for N articles:

  <out>/unionsite/   a site root following docs/content-model.md: content/site.yaml,
                     content/articles/<year>/article-NNNNN.md (N articles, 1-8 KB of Markdown
                     each), content/principles/ (3 documents, 6-8 principles each),
                     content/guide/ (index.md + 20 chapters, 40 glossary terms),
                     content/vacancies/vacancies.csv (N/10 rows, RFC 4180)
  <out>/hugo/        the same content as a Hugo site (content/, layouts/) with cross-links
                     turned into relref shortcodes; hugo.toml for Hugo 0.168, hugo-0.111.toml
                     for Debian's Hugo 0.111 (`hugo --config hugo-0.111.toml`)
  <out>/cmark/bodies.md   every article body, concatenated, for the `cmark` pipe
  <out>/cmark/bodies-1.md, bodies-2.md   the same bodies in two halves of about equal size
                     (for the floor: two `cmark --smart` at once)

Every cross-link is valid: article -> article (`../2024/article-00042.md`), article ->
chapter with a heading fragment, article -> principle (`#principle-3` or a heading id),
`vacancy:<id>`, vacancy description -> chapter. Same seed and N give byte-identical files.

Usage: bench_gen.py --n 1000 --out bench-out/sites/n1000 [--seed 20261129]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import re
import shutil
import sys
import zlib

BUILD_DATE = dt.date(2026, 11, 29)
FIRST_DATE = dt.date(2019, 1, 1)
BASE_URL = "https://bench.example.org/"

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

TAGS = [
    "academies", "accountability", "advisers", "assessment", "attendance", "bargaining",
    "budgets", "careers", "casework", "consultation", "contracts", "curriculum", "data",
    "early-years", "equality", "ethics", "fixed-term", "governance", "guidance", "health",
    "independence", "inspection", "leadership", "learning", "local-authorities", "mathematics",
    "mentoring", "negotiations", "news", "ofsted", "pay", "pensions", "primary", "principles",
    "professional-development", "reading", "recruitment", "regions", "research", "safeguarding",
    "school-improvement", "secondary", "send", "soulbury", "spin-outs", "standards", "surveys",
    "trusts", "vacancies", "workload",
]

# 20 chapters x 2 terms = 40 glossary terms. (term, aliases, definition)
CHAPTERS = [
    ("Local authorities and traded services", [
        ("local authority", ["LA", "local authorities"], "A council responsible for public services in its area, including duties towards maintained schools."),
        ("traded service", ["traded services"], "A service a council or company sells to schools rather than providing free from central funds.")]),
    ("Academies and trusts", [
        ("academy", ["academies"], "A state-funded school independent of the local authority, funded under a funding agreement."),
        ("multi-academy trust", ["MAT", "MATs", "multi-academy trusts"], "A charitable company that runs more than one academy under a single board of trustees.")]),
    ("Regional schools commissioners", [
        ("regional schools commissioner", ["RSC", "RSCs"], "A civil servant who acts for the Secretary of State on academies in a region."),
        ("intervention", [], "Formal action taken when a school causes concern.")]),
    ("Independence and impartiality", [
        ("conflict of interest", ["conflicts of interest"], "A situation in which a duty to one party could be compromised by an interest in another."),
        ("impartiality", [], "Judging a school on the evidence, without favour to its employer or its customer.")]),
    ("Fixed-term contracts", [
        ("fixed-term contract", ["fixed-term contracts"], "An employment contract that ends on a set date or when a task is complete."),
        ("continuity of employment", [], "The unbroken period of work with one employer that many statutory rights depend on.")]),
    ("Pay and grading", [
        ("Soulbury", [], "The national pay scales for advisers, inspectors and educational psychologists."),
        ("spine point", ["spine points"], "One step on a pay scale.")]),
    ("Pensions", [
        ("Teachers' Pension Scheme", ["TPS"], "The defined benefit pension scheme for teachers in England and Wales."),
        ("Local Government Pension Scheme", ["LGPS"], "The pension scheme for council staff and many academy support staff.")]),
    ("Workload and wellbeing", [
        ("caseload", ["caseloads"], "The number of schools one adviser is responsible for."),
        ("working time", [], "The hours an employee works, limited by the Working Time Regulations.")]),
    ("Inspection", [
        ("Ofsted", [], "The Office for Standards in Education, Children's Services and Skills."),
        ("inspection framework", [], "The published criteria inspectors judge schools against.")]),
    ("Special educational needs", [
        ("special educational needs and disabilities", ["SEND"], "Learning difficulties or disabilities that call for special educational provision."),
        ("education, health and care plan", ["EHCP", "EHCPs"], "A legal document describing a child's needs and the support they must receive.")]),
    ("Safeguarding", [
        ("designated safeguarding lead", ["DSL", "DSLs"], "The senior member of staff responsible for child protection in a school."),
        ("safer recruitment", [], "Recruitment practice designed to deter and reject unsuitable people.")]),
    ("Governance", [
        ("governing board", ["governing boards"], "The body accountable for a school's strategic direction."),
        ("trustee", ["trustees"], "A member of an academy trust's board.")]),
    ("Curriculum and assessment", [
        ("national curriculum", [], "The programmes of study maintained schools must teach."),
        ("key stage", ["key stages"], "A stage of the school system with its own programmes and assessments.")]),
    ("Early years", [
        ("early years foundation stage", ["EYFS"], "The framework for children from birth to five."),
        ("reception year", [], "The first year of primary school.")]),
    ("Data and accountability", [
        ("progress measure", ["progress measures"], "A measure of how far pupils move between two assessments."),
        ("performance tables", [], "Published school results for each key stage.")]),
    ("Professional development", [
        ("continuing professional development", ["CPD"], "Learning that keeps a professional's knowledge and skills current."),
        ("professional supervision", [], "Regular, confidential reflection on practice with a trained colleague.")]),
    ("Equality at work", [
        ("reasonable adjustment", ["reasonable adjustments"], "A change an employer must make so a disabled worker is not disadvantaged."),
        ("protected characteristic", ["protected characteristics"], "A characteristic covered by the Equality Act 2010.")]),
    ("Restructuring and redundancy", [
        ("collective consultation", [], "Consultation with representatives required when 20 or more redundancies are proposed."),
        ("TUPE", [], "The rules that protect employees when a service moves to a new employer.")]),
    ("Representation and casework", [
        ("workplace representative", ["workplace representatives", "rep", "reps"], "A member elected to represent colleagues at work."),
        ("grievance", ["grievances"], "A formal complaint raised by an employee with their employer.")]),
    ("Spin-outs and companies", [
        ("spin-out company", ["spin-out companies"], "A company set up by a council or trust to trade services it used to provide directly."),
        ("service level agreement", ["SLA", "SLAs"], "A contract describing the service a school buys and its standards.")]),
]

CHAPTER_HEADINGS = [
    "What the law says", "Your rights at work", "Working with employers", "Common questions",
    "How the union can help", "Getting advice early", "Evidence to keep", "When things go wrong",
    "Good practice in schools", "What members report", "Checklist for members",
    "Further reading", "Questions to ask", "Timescales and deadlines", "Who decides",
    "Practical examples", "Recent changes", "Where to start",
]

PRINCIPLE_DOCS = [
    ("core-principles", "Core principles for educational development and improvement professionals", [
        "Independence is crucial", "Every learner matters", "Evidence before opinion",
        "Honest challenge and real support", "Professional judgement is respected",
        "Enough people and enough time", "Equality in every decision", "Accountability runs both ways"]),
    ("fair-employment", "Principles of fair employment in school improvement", [
        "Permanent work for permanent needs", "Pay that reflects the job", "Clear and fair caseloads",
        "Time for professional development", "Consultation before change", "Safe and healthy workplaces",
        "Representation without fear"]),
    ("professional-standards", "Principles for professional standards and ethics", [
        "Declare every interest", "Respect confidentiality", "Report what you find",
        "Keep learning", "Work within your competence", "Treat colleagues with respect"]),
]

ARTICLE_HEADINGS = [
    "Background", "What members told us", "What changed", "What happens next", "Key points",
    "Why it matters", "The evidence", "What we are asking for", "How to respond",
    "Timetable", "Questions and answers", "In the regions", "The national picture",
    "Pay and conditions", "Workload", "Advice for representatives", "Getting involved",
    "Our response", "Further information", "Recommendations", "Case study",
    "What employers said", "Funding", "Recruitment and retention", "Next steps for branches",
    "A view from the schools", "Data and trends", "Risks", "Opportunities", "Summary",
]
SUB_HEADINGS = [
    "For members in trusts", "For members in councils", "For freelance advisers",
    "In primary schools", "In secondary schools", "For new members", "For branch officers",
    "Short term", "Longer term", "What to do now",
]

SUBJECTS = [
    "The education group", "Members in the north west", "The committee", "Our survey",
    "The national executive", "A branch in the Midlands", "Representatives", "The employer",
    "The department", "Several councils", "Many trusts", "Advisers on short contracts",
    "The working party", "Members who responded", "The joint negotiating committee",
]
VERBS = [
    "has published", "welcomed", "raised concerns about", "agreed to review", "set out",
    "called for changes to", "reported on", "considered", "responded to", "negotiated",
    "questioned", "supported", "will consult on", "is monitoring", "has challenged",
]
OBJECTS = [
    "the new guidance on caseloads", "proposals for the next pay round", "the role of advisers",
    "the draft framework", "plans to restructure the service", "the evidence from schools",
    "a review of working time", "the future of traded services", "arrangements for inspection",
    "the budget for school improvement", "a code of practice", "the results of the survey",
    "recruitment across the region", "support for new headteachers", "the terms of reference",
]
TAILS = [
    "after months of discussion", "with support from members", "in time for the spring term",
    "despite pressure on budgets", "in every region", "before the end of the year",
    "following the consultation", "at its latest meeting", "with clear deadlines",
    "as a matter of urgency", "for the first time", "in writing",
]
FILLERS = [
    "Members should keep a record of their hours and of any requests to work beyond them.",
    "The union will continue to press for permanent contracts where the work is permanent.",
    "Representatives can ask for a copy of the written proposals before any meeting.",
    "Several members described the same pattern: more schools, less time and fewer colleagues.",
    "Nothing in the proposals changes the duty of care an employer owes its staff.",
    "Where a decision affects pay, the employer must consult the recognised unions first.",
    "It is worth checking the exact wording of your contract before you reply.",
    "Employers who plan ahead rarely need to rely on short-term cover.",
    "The figures vary widely from one area to the next, and averages hide a great deal.",
    "Good school improvement depends on trust, and trust depends on honesty.",
    "Most of the changes take effect from the start of the next financial year.",
    "If you are unsure, talk to your local representative before you sign anything.",
]
TERM_SENTENCES = [
    "Advice on the {t} is the most common request we receive.",
    "Questions about the {t} came up at every regional meeting.",
    "The role of the {t} is often misunderstood.",
    "Members asked how the {t} affects their work.",
    "Several responses mentioned the {t} directly.",
]
ACRONYM_SENTENCES = [
    "Members working with a {t} raised the same issues.",
    "The {t} question is not going away.",
    "Any {t} should be discussed with your representative.",
]
LIST_ITEMS = [
    "a written job description that matches the work", "a manageable number of schools",
    "protected time for professional development", "clear lines of accountability",
    "access to a trained representative", "regular supervision", "a fair appraisal process",
    "pay on the agreed national scales", "mileage and travel time paid in full",
    "notice of any change to the service", "a named manager", "a safe lone-working policy",
    "consultation before any restructure", "equal treatment for part-time staff",
]
EMPLOYERS = [
    "London Borough of Eastgate", "Harbourside Learning Trust", "Northfield County Council",
    "Pennine Schools Partnership", "Riverside Academy Trust", "Westmoor Education Services",
    "Castlebridge Council", "Greenvale Multi-Academy Trust", "Southdown Improvement Ltd",
    "Lakeland Learning Partnership",
]
LOCATIONS = [
    ("Eastgate, east London", "London"), ("Plymouth, with travel to Devon and Cornwall", "South West"),
    ("Leeds", "Yorkshire and the Humber"), ("Manchester, Salford and Trafford", "North West"),
    ("Birmingham", "West Midlands"), ("Norwich, Norfolk", "East of England"),
    ("Newcastle upon Tyne", "North East"), ("Brighton, Hove and Lewes", "South East"),
    ("Nottingham", "East Midlands"), ("Remote, with visits to schools", "National"),
]
VACANCY_TITLES = [
    "School improvement adviser", "Senior education adviser", "Director of school improvement",
    "Primary improvement partner", "Secondary curriculum lead", "SEND adviser",
    "Early years consultant", "Educational psychologist", "Mathematics adviser",
    "Trust development lead",
]


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def heading_id(text: str) -> str:
    """The contract's heading-id rule (headings here are ASCII and unique per page)."""
    out = []
    for ch in text.lower():
        if ch == " ":
            out.append("-")
        elif ch == "-" or ch.isalnum():
            out.append(ch)
    return "".join(out) or "section"


def yaml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # JSON strings are valid YAML double-quoted scalars


def slug_of(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


class Plan:
    """Everything decided up front, so links can point at things that exist."""

    def __init__(self, n: int, seed: int):
        self.n = n
        self.seed = seed
        self.width = max(5, len(str(n)))
        self.n_vac = max(1, n // 10)
        rnd = random.Random(seed)
        span = (BUILD_DATE - FIRST_DATE).days
        # Article i (1-based) is dated in order: older first, the last on the build date.
        self.article_dates = [FIRST_DATE + dt.timedelta(days=(i * span) // max(1, n - 1) if n > 1 else span)
                              for i in range(n)]
        self.article_slugs = [f"article-{i + 1:0{self.width}d}" for i in range(n)]
        # Chapters: slug, title, order, headings, terms
        self.chapters = []
        for c, (title, terms) in enumerate(CHAPTERS):
            slug = f"chapter-{c + 1:02d}-{slug_of(title)}"
            hs = rnd.sample(CHAPTER_HEADINGS, rnd.randint(5, 7))
            self.chapters.append({"slug": slug, "title": title, "order": c + 1, "headings": hs, "terms": terms})
        self.principles = [{"slug": s, "title": t, "headings": h} for s, t, h in PRINCIPLE_DOCS]
        self.vacancy_ids = [f"vacancy-{i + 1:0{self.width}d}" for i in range(self.n_vac)]
        self.glossary = [(t, a) for _, terms in CHAPTERS for (t, a, _) in terms]

    def article_rel(self, i: int) -> str:
        return f"articles/{self.article_dates[i].year}/{self.article_slugs[i]}.md"


# --------------------------------------------------------------------------------------------
# Markdown bodies, with links kept abstract until rendered for each target
# --------------------------------------------------------------------------------------------
# A link is written as a placeholder \x00kind|target|fragment|text\x00 and rendered per site:
# kind a = article index, c = chapter index, p = principle index, v = vacancy index, x = external.

def L(kind: str, target, frag: str, text: str) -> str:
    return f"\x00{kind}|{target}|{frag}|{text}\x00"


class BodyWriter:
    def __init__(self, plan: Plan, rnd: random.Random):
        self.plan = plan
        self.rnd = rnd

    def sentence(self) -> str:
        r = self.rnd
        k = r.random()
        if k < 0.18:
            term, aliases = r.choice(self.plan.glossary)
            name = r.choice([term] + aliases) if aliases else term
            if name[1:] != name[1:].lower():      # an acronym: keep it as written
                return r.choice(ACRONYM_SENTENCES).format(t=name)
            return r.choice(TERM_SENTENCES).format(t=name)
        if k < 0.35:
            return r.choice(FILLERS)
        return f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(OBJECTS)} {r.choice(TAILS)}."

    def link(self, self_article: int | None) -> str:
        r, p = self.rnd, self.plan
        k = r.random()
        if k < 0.40 and p.n > 1:
            j = r.randrange(p.n)
            if j == self_article:
                j = (j + 1) % p.n
            return L("a", j, "", r.choice(["an earlier report", "our previous article", "the news item",
                                           "the update", "the earlier announcement"]))
        if k < 0.72:
            c = r.randrange(len(p.chapters))
            ch = p.chapters[c]
            frag = heading_id(r.choice(ch["headings"])) if r.random() < 0.8 else ""
            return L("c", c, frag, f"the guide to {ch['title'].lower()}")
        if k < 0.87:
            d = r.randrange(len(p.principles))
            doc = p.principles[d]
            n = r.randrange(len(doc["headings"]))
            frag = f"principle-{n + 1}" if r.random() < 0.6 else heading_id(doc["headings"][n])
            return L("p", d, frag, f"principle {n + 1}: {doc['headings'][n].lower()}")
        if k < 0.97:
            v = r.randrange(p.n_vac)
            return L("v", v, "", "the vacancy")
        return L("x", 0, "", "the department's announcement")

    def paragraph(self, self_article, links: float) -> str:
        r = self.rnd
        sents = [self.sentence() for _ in range(r.randint(2, 5))]
        if r.random() < links:
            pos = r.randrange(len(sents))
            sents[pos] = sents[pos][:-1] + f", as set out in {self.link(self_article)}."
        # wrap at ~95 columns like hand-written Markdown (soft line breaks)
        text = " ".join(sents)
        lines, line = [], ""
        for w in text.split(" "):
            if line and len(line) + 1 + len(w) > 95 and "\x00" not in w:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        lines.append(line)
        return "\n".join(lines)

    def bullet_list(self, self_article) -> str:
        r = self.rnd
        items = r.sample(LIST_ITEMS, r.randint(3, 6))
        marker = "-" if r.random() < 0.7 else None
        out = []
        for k, it in enumerate(items):
            it = it[0].upper() + it[1:]
            if r.random() < 0.15:
                it += f" (see {self.link(self_article)})"
            out.append(f"{marker} {it}." if marker else f"{k + 1}. {it}.")
        return "\n".join(out)

    def article(self, i: int, target: int) -> str:
        r = self.rnd
        blocks = [self.paragraph(i, 0.5)]
        size = len(blocks[0])
        headings = r.sample(ARTICLE_HEADINGS, len(ARTICLE_HEADINGS))
        subs = r.sample(SUB_HEADINGS, len(SUB_HEADINGS))
        while size < target and headings:
            h = headings.pop()
            sec = [f"## {h}", self.paragraph(i, 0.6)]
            if r.random() < 0.4:
                sec.append(self.bullet_list(i))
            if r.random() < 0.2 and subs:
                sec.append(f"### {subs.pop()}")
            sec.append(self.paragraph(i, 0.6))
            if r.random() < 0.5:
                sec.append(self.paragraph(i, 0.3))
            blocks.extend(sec)
            size += sum(len(b) + 2 for b in sec)
        return "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------------------------
# Link rendering per target
# --------------------------------------------------------------------------------------------
LINK_RE = re.compile("\x00([acpvx])\\|([^|]*)\\|([^|]*)\\|([^\x00]*)\x00")


def render_links(body: str, plan: Plan, flavour: str, from_dir: str) -> tuple[str, int]:
    """flavour 'us' (unionsite, relative to from_dir under content/), 'hugo' (relref), 'plain'."""
    def repl(m):
        kind, target, frag, text = m.group(1), int(m.group(2)), m.group(3), m.group(4)
        if kind == "x":
            return f"[{text}](https://www.gov.uk/government/organisations/department-for-education)"
        if kind == "a":
            path = plan.article_rel(target)
        elif kind == "c":
            path = f"guide/{plan.chapters[target]['slug']}.md"
        elif kind == "p":
            path = f"principles/{plan.principles[target]['slug']}.md"
        else:
            path = f"vacancies/{plan.vacancy_ids[target]}.md"
        if flavour == "hugo":
            ref = "/" + path + (f"#{frag}" if frag else "")
            return f'[{text}]({{{{< relref "{ref}" >}}}})'
        if kind == "v":
            return f"[{text}](vacancy:{plan.vacancy_ids[target]})"
        if flavour == "plain":
            return f"[{text}](/{path}{'#' + frag if frag else ''})"
        # Mostly relative to the linking file; chapter links alternate with the `/`-rooted form.
        rooted = kind == "c" and zlib.crc32(f"{from_dir}:{m.start()}".encode()) & 1
        rel = "/" + path if rooted else os.path.relpath(path, from_dir)
        return f"[{text}]({rel}{'#' + frag if frag else ''})"
    count = [0]

    def counted(m):
        count[0] += 1
        return repl(m)
    return LINK_RE.sub(counted, body), count[0]


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

class Out:
    def __init__(self, root: str):
        self.root = root
        self.dirs = set()

    def write(self, rel: str, text: str):
        path = os.path.join(self.root, rel)
        d = os.path.dirname(path)
        if d not in self.dirs:
            os.makedirs(d, exist_ok=True)
            self.dirs.add(d)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def front(fields: list[tuple[str, str]]) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields) + "---\n\n"


def generate(n: int, out: str, seed: int = 20261129, hugo: bool = True) -> dict:
    plan = Plan(n, seed)
    rnd = random.Random(seed * 7919 + n)
    bw = BodyWriter(plan, rnd)
    if os.path.exists(out):
        shutil.rmtree(out)
    us = Out(os.path.join(out, "unionsite"))
    hg = Out(os.path.join(out, "hugo"))
    stats = {"n": n, "seed": seed, "articles": n, "vacancies": plan.n_vac, "chapters": len(plan.chapters),
             "principle_documents": len(plan.principles), "glossary_terms": len(plan.glossary),
             "article_markdown_bytes": 0, "links_unionsite": 0, "links_hugo": 0}

    # site.yaml ---------------------------------------------------------------------------
    us.write("content/site.yaml", "\n".join([
        'title: "Union benchmark site"',
        f'base_url: "{BASE_URL}"',
        "language: en-GB",
        'description: "A generated site for benchmarking unionsite."',
        "timezone: Europe/London",
        "organisation:",
        '  name: "Benchmark union"',
        '  url: "https://union.example.org/"',
        '  join_url: "https://union.example.org/join/"',
        "nav:",
        "  - {title: Guide, link: guide/}",
        "  - {title: Principles, link: principles/}",
        "  - {title: News, link: articles/}",
        "  - {title: Vacancies, link: vacancies/}",
        ""]))
    hg.write("hugo.toml", HUGO_CONFIG)
    hg.write(HUGO_LEGACY_CONFIG_NAME, HUGO_LEGACY_CONFIG)
    for rel, text in HUGO_LAYOUTS.items():
        hg.write(f"layouts/{rel}", text)
    for sec, title in [("articles", "News"), ("guide", "Member guide"), ("principles", "Principles"),
                       ("vacancies", "Vacancies")]:
        if sec != "guide":
            hg.write(f"content/{sec}/_index.md", front([("title", yaml_str(title))]))

    def both(rel_us: str, fm: list, body: str, hugo_fm: list | None = None):
        from_dir = os.path.dirname(rel_us.replace("content/", "", 1))
        ub, k1 = render_links(body, plan, "us", from_dir)
        us.write(rel_us, front(fm) + ub)
        stats["links_unionsite"] += k1
        if hugo:
            hb, k2 = render_links(body, plan, "hugo", from_dir)
            hg.write(rel_us, front(hugo_fm if hugo_fm is not None else fm) + hb)
            stats["links_hugo"] += k2
        return ub

    # principles --------------------------------------------------------------------------
    for d, doc in enumerate(plan.principles):
        parts = [bw.paragraph(None, 0.0)]
        for h in doc["headings"]:
            parts += [f"## {h}", bw.paragraph(None, 0.4), bw.paragraph(None, 0.2)]
        both(f"content/principles/{doc['slug']}.md",
             [("title", yaml_str(doc["title"])), ("summary", yaml_str(f"{len(doc['headings'])} principles.")),
              ("version", '"1.2"'), ("adopted", "2025-03-14")],
             "\n\n".join(parts) + "\n")

    # guide -------------------------------------------------------------------------------
    idx = ["The member guide explains how school improvement is organised and what members can expect.", ""]
    idx += [f"{k + 1}. {L('c', k, '', ch['title'])}" for k, ch in enumerate(plan.chapters)]
    both("content/guide/index.md", [("title", '"Member guide"')], "\n".join(idx) + "\n",
         [("title", '"Member guide"')])
    if hugo:  # index.md in Hugo would be a page, not the section: rename to _index.md
        os.replace(os.path.join(hg.root, "content/guide/index.md"), os.path.join(hg.root, "content/guide/_index.md"))
        hg.write("content/guide/glossary.md", front([("title", '"Glossary"'), ("layout", "glossary")]))
    for c, ch in enumerate(plan.chapters):
        terms_yaml = []
        hugo_terms = []
        for term, aliases, definition in ch["terms"]:
            item = f"\n  - term: {yaml_str(term)}\n    definition: {yaml_str(definition)}"
            if aliases:
                item += f"\n    aliases: [{', '.join(yaml_str(a) for a in aliases)}]"
            terms_yaml.append(item)
            hugo_terms.append(json.dumps({"term": term, "definition": definition}))
        parts = [bw.paragraph(None, 0.0)]
        for h in ch["headings"]:
            parts += [f"## {h}", bw.paragraph(None, 0.5), bw.paragraph(None, 0.2)]
            if rnd.random() < 0.4:
                parts.append(bw.bullet_list(None))
        fm = [("title", yaml_str(ch["title"])), ("order", str(ch["order"])),
              ("summary", yaml_str(f"What members need to know about {ch['title'].lower()}.")),
              ("terms", "".join(terms_yaml))]
        hfm = [("title", yaml_str(ch["title"])), ("weight", str(ch["order"])),
               ("summary", yaml_str(f"What members need to know about {ch['title'].lower()}.")),
               ("terms", "[" + ", ".join(hugo_terms) + "]")]
        both(f"content/guide/{ch['slug']}.md", fm, "\n\n".join(parts) + "\n", hfm)

    # articles ----------------------------------------------------------------------------
    bodies = []
    for i in range(n):
        target = rnd.randint(1024, 8192)
        body = bw.article(i, target)
        title = f"{rnd.choice(SUBJECTS)} {rnd.choice(VERBS)} {rnd.choice(OBJECTS)}"
        tags = rnd.sample(TAGS, rnd.randint(1, 4))
        summary = bw.sentence()
        fm = [("title", yaml_str(title)), ("date", plan.article_dates[i].isoformat()),
              ("summary", yaml_str(summary)), ("tags", "[" + ", ".join(tags) + "]")]
        ub = both("content/" + plan.article_rel(i), fm, body)
        stats["article_markdown_bytes"] += len(ub.encode())
        bodies.append(ub)

    # vacancies ---------------------------------------------------------------------------
    fields = ["id", "title", "employer", "location", "region", "posted", "closes", "apply_url",
              "contract", "duration", "hours", "salary", "summary", "tags", "description"]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(fields)
    for v, vid in enumerate(plan.vacancy_ids):
        loc, region = rnd.choice(LOCATIONS)
        posted = BUILD_DATE - dt.timedelta(days=rnd.randint(0, 400))
        closes = posted + dt.timedelta(days=rnd.randint(14, 90))
        contract = rnd.choice(["permanent", "fixed-term", "secondment", ""])
        low = rnd.randrange(45, 80) * 1000
        ch = rnd.choice(plan.chapters)
        desc_body = (f"{bw.paragraph(None, 0.0)}\n\nSee the union's guide to "
                     f"{L('c', plan.chapters.index(ch), heading_id(ch['headings'][0]), ch['title'].lower())}.\n")
        desc, k = render_links(desc_body, plan, "us", "vacancies")
        stats["links_unionsite"] += k
        row = {
            "id": vid, "title": rnd.choice(VACANCY_TITLES), "employer": rnd.choice(EMPLOYERS),
            "location": loc, "region": region, "posted": posted.isoformat(), "closes": closes.isoformat(),
            "apply_url": f"https://jobs.example.org/{vid}", "contract": contract,
            "duration": rnd.choice(["6 to 9 months", "12 months", "until 31 August"]) if contract in ("fixed-term", "secondment") else "",
            "hours": rnd.choice(["full-time", "part-time", ""]),
            "salary": f"£{low:,} to £{low + rnd.randrange(4, 12) * 1000:,}",
            "summary": f'Join our "{rnd.choice(["Excellence for all", "Every school", "Better together"])}" team: {bw.sentence()}',
            "tags": ";".join(rnd.sample(TAGS, rnd.randint(1, 3))),
            "description": desc,
        }
        w.writerow([row[f] for f in fields])
        if hugo:
            hdesc, k2 = render_links(desc_body, plan, "hugo", "vacancies")
            stats["links_hugo"] += k2
            hg.write(f"content/vacancies/{vid}.md", front([
                ("title", yaml_str(row["title"])), ("date", row["posted"]),
                ("employer", yaml_str(row["employer"])), ("location", yaml_str(loc)),
                ("closes", row["closes"]), ("apply_url", yaml_str(row["apply_url"])),
                ("salary", yaml_str(row["salary"])), ("summary", yaml_str(row["summary"]))]) + hdesc)
    us.write("content/vacancies/vacancies.csv", buf.getvalue())

    # cmark input -------------------------------------------------------------------------
    # The same bodies in two halves of about equal size, for the floor: two cmark processes
    # at once, one per core (scripts/bench, docs/performance.md "Floor").
    cm = Out(os.path.join(out, "cmark"))
    cm.write("bodies.md", "\n\n".join(bodies))
    total, acc, cut = sum(len(b) for b in bodies), 0, len(bodies)
    for k, b in enumerate(bodies):
        if acc + len(b) / 2 > total / 2:
            cut = k
            break
        acc += len(b)
    cm.write("bodies-1.md", "\n\n".join(bodies[:cut]))
    cm.write("bodies-2.md", "\n\n".join(bodies[cut:]))
    stats["floor_halves_articles"] = [cut, len(bodies) - cut]
    with open(os.path.join(out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=2)
    return stats


# --------------------------------------------------------------------------------------------
# The Hugo site: comparable templates
# --------------------------------------------------------------------------------------------
# Two configurations of the same site. hugo.toml is for Hugo 0.168 (the main column): 0.158
# deprecated languageCode for locale, and `paginate` gave way to [pagination] pagerSize (0.128).
# hugo-0.111.toml is for Debian's Hugo 0.111 (the legacy column, `--config hugo-0.111.toml`),
# which knows neither. Everything else (content, layouts) is shared, and both build it with no
# warning; the layouts keep the _default/ form, which 0.168 still reads as it is.
HUGO_CONFIG_COMMON = '''enableRobotsTXT = true

[taxonomies]
  tag = "tags"

[permalinks]
  articles = "/articles/:filename/"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]

[markup.tableOfContents]
  startLevel = 2
  endLevel = 2
  ordered = false

[markup.goldmark.renderer]
  unsafe = false
'''
HUGO_CONFIG = f'''baseURL = "{BASE_URL}"
title = "Union benchmark site"
locale = "en-gb"
{HUGO_CONFIG_COMMON}
[pagination]
  pagerSize = 10
'''
HUGO_LEGACY_CONFIG_NAME = "hugo-0.111.toml"
HUGO_LEGACY_CONFIG = f'''baseURL = "{BASE_URL}"
title = "Union benchmark site"
languageCode = "en-gb"
paginate = 10
{HUGO_CONFIG_COMMON}'''

HUGO_LAYOUTS = {
    "_default/baseof.html": '''<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} | {{ end }}{{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a>
<nav><ul>
<li><a href="{{ "guide/" | relURL }}">Guide</a></li>
<li><a href="{{ "principles/" | relURL }}">Principles</a></li>
<li><a href="{{ "articles/" | relURL }}">News</a></li>
<li><a href="{{ "vacancies/" | relURL }}">Vacancies</a></li>
</ul></nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>&copy; Benchmark union</p></footer>
</body>
</html>
''',
    "_default/single.html": '''{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ if eq .Section "articles" }}<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>{{ end }}
{{ with .Params.summary }}<p class="summary">{{ . }}</p>{{ end }}
{{ with .Params.employer }}<dl><dt>Employer</dt><dd>{{ . }}</dd><dt>Location</dt><dd>{{ $.Params.location }}</dd><dt>Salary</dt><dd>{{ $.Params.salary }}</dd><dt>Closes</dt><dd>{{ $.Params.closes }}</dd></dl>{{ end }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
<nav class="contents" aria-label="Contents"><h2>Contents</h2>{{ .TableOfContents }}</nav>
{{ .Content }}
</article>
{{ end }}
''',
    "_default/list.html": '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $paginator := .Paginate (.Pages.ByDate.Reverse) }}
<ul class="items">
{{ range $paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
''',
    "_default/terms.html": '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
''',
    # Tag pages list every article with the tag on one page, as unionsite's do.
    "_default/term.html": '''{{ define "main" }}
<h1>Articles tagged “{{ .Title }}”</h1>
<ul class="items">
{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2 January 2006" }}</time>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>
{{ end }}</ul>
{{ end }}
''',
    "guide/list.html": '''{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>{{ range .Pages.ByWeight }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
{{ end }}
''',
    "_default/glossary.html": '''{{ define "main" }}
<h1>{{ .Title }}</h1>
<dl>{{ range where .Site.RegularPages "Section" "guide" }}{{ $ch := . }}{{ range .Params.terms }}
<dt>{{ .term }}</dt><dd>{{ .definition }} <a href="{{ $ch.RelPermalink }}">{{ $ch.Title }}</a></dd>{{ end }}{{ end }}</dl>
{{ end }}
''',
    "index.html": '''{{ define "main" }}
<h1>{{ .Site.Title }}</h1>
<h2>Latest news</h2>
<ul>{{ range first 10 (where .Site.RegularPages "Section" "articles").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.summary }}<p>{{ . }}</p>{{ end }}</li>{{ end }}</ul>
<h2>Vacancies</h2>
<ul>{{ range first 10 (where .Site.RegularPages "Section" "vacancies") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
''',
    "404.html": '''{{ define "main" }}<h1>Page not found</h1>{{ end }}
''',
}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="folder to (re)create")
    ap.add_argument("--seed", type=int, default=20261129)
    ap.add_argument("--no-hugo", action="store_true", help="skip the Hugo copy")
    a = ap.parse_args(argv)
    stats = generate(a.n, a.out, a.seed, hugo=not a.no_hugo)
    json.dump(stats, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
