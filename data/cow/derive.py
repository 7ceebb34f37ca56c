#!/usr/bin/env python3
"""Derives Plenary's compact COW IGO v3 files from the reference tables in ../shared/data/cow.

    python3 data/cow/derive.py [--shared ../shared/data]

Writes, from igo_year_format3.csv (see data/cow/README.md):
  data/cow/organizations.csv  one row per COW IGO (534), with the Plenary id it has in every registry;
  data/cow/memberships.csv    every membership spell: a run of years with one code (1 member, 2 associate, 3 observer,
                              -9 unknown) of one state in one IGO;
  data/cow/coverage.csv       per IGO, the runs of years in which COW codes at least one state (0, 1, 2 or 3): the years
                              its member list is complete; years in which every state is -9 (missing) are left out, and
                              so are the unknown spells inside them;
  data/cow/states.csv         the COW states of the spells that data/states.yaml does not hold (German and Italian
                              states of the 19th century, Austria-Hungary, …).
States are the registry's ids, by the COW crosswalk of the COW importer (src/Plenary.Exchange/Cow/cow-states.csv); the
Federal Republic of Germany (wgermany, 1955-1990) is DEU, as in data/states.yaml. COW's tables themselves are never
copied into the repository; only what is derived here ships.
"""
import argparse, csv, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
CROSSWALK = os.path.join(DATA, "..", "src", "Plenary.Exchange", "Cow", "cow-states.csv")
# The curated data holds the Federal Republic of 1955-1990 under DEU (see its note in data/states.yaml).
SAME_STATE = {"XGF": "DEU"}
STATUS = {"1": "member", "2": "associate", "3": "observer", "-9": "unknown"}


def crosswalk():
    """COW column name -> (registry id, ccode, name)."""
    with open(CROSSWALK, encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["cowname"]: (SAME_STATE.get(r["id"], r["id"]), int(r["ccode"]), r["name"]) for r in rows}


def registry_states():
    with open(os.path.join(DATA, "states.yaml"), encoding="utf-8") as f:
        return set(re.findall(r"^- id: (\S+)", f.read(), re.M))


def slug(ioname):
    # The same rule as the COW importer (Plenary.Exchange CowImportPlan.Slug): lower case, non-alphanumerics to '-'.
    return re.sub(r"[^a-z0-9]", "-", ioname.lower()).strip("-")


def curated_links():
    """ionum -> id of the curated organization files that name their COW IGO (`cow: { ioname, ionum }`)."""
    links, ids = {}, set()
    folder = os.path.join(DATA, "organizations")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        org_id = name[:-5]
        ids.add(org_id)
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^cow:\s*\{\s*ioname:\s*([^,]+),\s*ionum:\s*(\d+)\s*\}", line)
                if m:
                    links[int(m.group(2))] = org_id
    return links, ids


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(DATA, "..", "..", "shared", "data"))
    args = ap.parse_args()
    src = os.path.join(args.shared, "cow", "igo_year_format3.csv")
    if not os.path.exists(src):
        sys.exit(f"{src}: not found (the COW IGO v3 IGO-year table from shared/data)")
    orgs = {}
    states = crosswalk()
    codes = {}  # (ionum, state id) -> {year: code}
    observed = {}  # ionum -> years in which some state has a known code
    with open(src, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        columns = [(i, states[name]) for i, name in enumerate(header) if name in states]
        if len(columns) < 180:
            sys.exit(f"{src}: only {len(columns)} state columns match the crosswalk {CROSSWALK}")
        col = {name: i for i, name in enumerate(header)}
        for row in reader:
            num = int(row[col["ionum"]])
            o = orgs.setdefault(num, {"ioname": row[col["ioname"]], "orgname": row[col["orgname"]], "long": row[col["longorgname"]],
                                      "first": 9999, "last": 0, "replaced": 0, "integrated": 0})
            y = int(row[col["year"]])
            o["first"], o["last"] = min(o["first"], y), max(o["last"], y)
            o["replaced"] |= row[col["replaced"]] == "1"
            o["integrated"] |= row[col["integrated"]] == "1"
            for i, (sid, _, _) in columns:
                code = row[i].strip()
                if code in ("0", "1", "2", "3"):
                    observed.setdefault(num, set()).add(y)
                if code in STATUS:
                    years = codes.setdefault((num, sid), {})
                    # Two COW states that are one registry state (wgermany, germany) never overlap; if they did, membership wins.
                    if years.get(y) in (None, "-9") or code in ("1", "2", "3"):
                        years[y] = code
    links, curated_ids = curated_links()
    taken = set(curated_ids)
    rows = []
    for num in sorted(orgs):
        o = orgs[num]
        if num in links:
            org_id = links[num]
        else:
            org_id = slug(o["ioname"])
            if org_id in taken:
                org_id = "cow-" + org_id
        if org_id in taken and num not in links:
            sys.exit(f"ionum {num}: id {org_id} is taken twice")
        taken.add(org_id)
        name = (o["long"] or o["orgname"] or o["ioname"]).strip()
        rows.append([org_id, num, o["ioname"], name, o["first"], o["last"], int(o["replaced"]), int(o["integrated"])])
    ids = {r[1]: r[0] for r in rows}
    nums = {r[0]: r[1] for r in rows}
    spells = []
    for (num, sid), years in codes.items():
        run = None
        for y in sorted(years):
            code = years[y]
            if run and run[1] == y - 1 and run[2] == code:
                run[1] = y
                continue
            if run:
                spells.append((ids[num], sid, STATUS[run[2]], run[0], run[1]))
            run = [y, y, code]
        if run:
            spells.append((ids[num], sid, STATUS[run[2]], run[0], run[1]))
    # An unknown spell in years COW codes nobody in is the organization's gap in coverage, not a fact about the state.
    spells = [sp for sp in spells if sp[2] != "unknown" or any(y in observed.get(nums[sp[0]], ()) for y in range(sp[3], sp[4] + 1))]
    spells.sort()
    coverage = []
    for num in sorted(orgs):
        years = sorted(observed.get(num, ()))
        start = prev = None
        for y in years:
            if start is not None and y == prev + 1:
                prev = y
                continue
            if start is not None:
                coverage.append((ids[num], start, prev))
            start = prev = y
        if start is not None:
            coverage.append((ids[num], start, prev))
    coverage.sort()
    with open(os.path.join(HERE, "coverage.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["org", "first_year", "last_year"])
        w.writerows(coverage)
    with open(os.path.join(HERE, "memberships.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["org", "state", "status", "first_year", "last_year"])
        w.writerows(spells)
    known = registry_states()
    extra = sorted({(sid, cc, name) for sid, cc, name in states.values() if sid not in known and any(sp[1] == sid for sp in spells)})
    with open(os.path.join(HERE, "states.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "ccode", "name"])
        w.writerows(extra)
    print(f"{os.path.join(HERE, 'memberships.csv')}: {len(spells)} spells; {os.path.join(HERE, 'states.csv')}: {len(extra)} states")

    out = os.path.join(HERE, "organizations.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "ionum", "ioname", "name", "first_year", "last_year", "replaced", "integrated"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} organizations ({sum(1 for r in rows if r[1] in links)} linked to curated files)")


if __name__ == "__main__":
    main()
