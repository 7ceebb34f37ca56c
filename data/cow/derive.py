#!/usr/bin/env python3
"""Derives Plenary's compact COW IGO v3 files from the reference tables in ../shared/data/cow.

    python3 data/cow/derive.py [--shared ../shared/data]

Writes data/cow/organizations.csv: one row per COW IGO (534), with the Plenary id it has in every registry. COW's
tables themselves are never copied into the repository; only what is derived here ships (see data/cow/README.md).
"""
import argparse, csv, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)


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
    with open(src, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            num = int(row["ionum"])
            o = orgs.setdefault(num, {"ioname": row["ioname"], "orgname": row["orgname"], "long": row["longorgname"],
                                      "first": 9999, "last": 0, "replaced": 0, "integrated": 0})
            y = int(row["year"])
            o["first"], o["last"] = min(o["first"], y), max(o["last"], y)
            o["replaced"] |= row["replaced"] == "1"
            o["integrated"] |= row["integrated"] == "1"
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
    out = os.path.join(HERE, "organizations.csv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "ionum", "ioname", "name", "first_year", "last_year", "replaced", "integrated"])
        w.writerows(rows)
    print(f"{out}: {len(rows)} organizations ({sum(1 for r in rows if r[1] in links)} linked to curated files)")


if __name__ == "__main__":
    main()
