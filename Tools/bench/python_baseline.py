#!/usr/bin/env python3
"""The import a dealer's IT person would write in an afternoon, as the benchmark's baseline (issue 20): lxml
`iterparse` on the end events of the item elements only (Bulletin, LabourOperation, Part, WarrantyTerm,
PartsWarranty, Vehicle), each cleared once stored, `executemany` in batches, one transaction, into a database
made by `aftersales init` (so with the same tables and indexes, the VIN index among them).

It stores the same rows aftersales-import stores in an empty database: bulletins with their revision, listed
VINs, VIN-range index buckets, models and build periods, labour operations, parts with their price, terms, vehicles,
an audit entry per item and one for the file, the import history. It does what an import into an empty database
needs and no more: no schema validation, no revision rules, no comparison with stored rows.

    python_baseline.py FILE.xml DATABASE.sqlite            import
    python_baseline.py --counts DATABASE.sqlite            rows per table, one `table count` a line
"""
import hashlib
import json
import sqlite3
import sys

from lxml import etree

NS = "{urn:aftersales:manufacturer-data:1}"
ITEMS = tuple(NS + name for name in ("Bulletin", "LabourOperation", "Part", "WarrantyTerm", "PartsWarranty", "Vehicle"))
# The tables an import fills; `--counts` compares them with aftersales-import's.
TABLES = ("bulletin", "bulletin_revision", "bulletin_vin", "bulletin_range", "bulletin_model", "bulletin_built",
          "labour_operation", "part", "part_price", "warranty_term", "parts_warranty_term", "manufacturer_vehicle",
          "audit_log", "import_run")
VIN_CHARACTERS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ"
NOW = "2026-11-23 00:00:00.000"
ACTOR = "python"
BATCH = 10_000


def buckets(low, high):
    """The index buckets of a VIN range (AppDatabase.rangeBuckets): its serials' 3-character prefixes, or '*'."""
    low, high = low[-6:][:3], high[-6:][:3]
    if low == high:
        return [low]
    base = len(VIN_CHARACTERS)

    def rank(prefix):
        total = 0
        for character in prefix:
            total = total * base + VIN_CHARACTERS.index(character)
        return total

    first, last = rank(low), rank(high)
    if last - first >= 100:
        return ["*"]
    return ["".join(VIN_CHARACTERS[value // base ** k % base] for k in (2, 1, 0)) for value in range(first, last + 1)]


def fen(amount):
    whole, _, cents = amount.strip().partition(".")
    return int(whole) * 100 + int((cents + "00")[:2])


def text(element, name):
    found = element.find(NS + name)
    return None if found is None else found.text


def main(path, database):
    db = sqlite3.connect(database, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")  # as GRDB opens a WAL database
    db.execute("BEGIN IMMEDIATE")
    source = "import of " + path.rsplit("/", 1)[-1]
    manufacturer, effective = None, None
    vins, vehicles, audits = [], [], []
    counts = {}

    def audit(entity, entity_id, action, after):
        audits.append((NOW, ACTOR, entity, entity_id, action, json.dumps({"after": after}, ensure_ascii=False)))
        if len(audits) >= BATCH:
            flush_audits()

    def flush_audits():
        db.executemany("INSERT INTO audit_log (at, actor, entity, entity_id, action, changes) "
                       "VALUES (?, ?, ?, ?, ?, ?)", audits)
        audits.clear()

    def flush_vins():
        db.executemany("INSERT OR IGNORE INTO bulletin_vin (vin, bulletin_id) VALUES (?, ?)", vins)
        vins.clear()

    def flush_vehicles():
        db.executemany("INSERT OR REPLACE INTO manufacturer_vehicle (vin, make, model, year, built) "
                       "VALUES (?, ?, ?, ?, ?)", vehicles)
        vehicles.clear()

    for _, element in etree.iterparse(path, events=("end",), tag=ITEMS, resolve_entities=False, no_network=True):
        tag = element.tag
        if manufacturer is None:
            root = element.getroottree().getroot()
            manufacturer, effective = root.get("manufacturer"), root.get("issued")[:10]
        a = element.attrib
        if tag == NS + "Bulletin":
            applies = element.find(NS + "Applies")
            listed = [vin.text.strip().upper() for vin in applies.iterfind(NS + "Vin")]
            ranges = [(r.get("from").strip().upper(), r.get("to").strip().upper())
                      for r in applies.iterfind(NS + "VinRange")]
            models = {(m.get("make"), m.get("name"), m.get("yearFrom"), m.get("yearTo"))
                      for m in applies.iterfind(NS + "Model")}
            built = [(b.get("from"), b.get("to")) for b in applies.iterfind(NS + "Built")]
            extension = element.find(NS + "Extension")
            content = {
                "number": a["number"], "kind": a["kind"], "revision": int(a["revision"]), "issued": a["issued"],
                "status": a.get("status", "active"), "title": text(element, "Title"),
                "component": text(element, "Component"), "summary": text(element, "Summary"),
                "consequence": text(element, "Consequence"), "remedy": text(element, "Remedy"),
                "models": sorted(models, key=str), "built": built, "vinRanges": ranges,
                "labour": [(l.get("code"), l.get("hours")) for l in element.iterfind(NS + "Labour")],
                "parts": [(p.get("number"), p.get("quantity")) for p in element.iterfind(NS + "Part")],
            }
            content = json.dumps(content, ensure_ascii=False)
            component = text(element, "Component")
            cursor = db.execute(
                "INSERT INTO bulletin (manufacturer, number, revision, kind, status, issued, title, component, "
                "component_key, content, vin_count, has_model, has_built, has_vin_selection, only_built, "
                "extension_months, extension_km, stored_at, stored_by, source) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (manufacturer, a["number"], int(a["revision"]), a["kind"], a.get("status", "active"), a["issued"],
                 text(element, "Title"), component, component.strip().lower(), content, len(set(listed)),
                 bool(models), bool(built), bool(ranges or listed), not (models or ranges or listed),
                 None if extension is None else int(extension.get("months")),
                 None if extension is None else int(extension.get("kilometres")), NOW, ACTOR, source))
            bulletin = cursor.lastrowid
            db.execute("INSERT INTO bulletin_revision (bulletin_id, revision, content, vin_count, stored_at, "
                       "stored_by) VALUES (?, ?, ?, ?, ?, ?)",
                       (bulletin, int(a["revision"]), content, len(set(listed)), NOW, ACTOR))
            vins.extend((vin, bulletin) for vin in listed)
            if len(vins) >= BATCH:
                flush_vins()
            db.executemany("INSERT INTO bulletin_range (bulletin_id, range_key, bucket, serial_from, serial_to) "
                           "VALUES (?, ?, ?, ?, ?)",
                           [(bulletin, low[:8] + low[9:11], bucket, low[-6:], high[-6:])
                            for low, high in ranges for bucket in buckets(low, high)])
            db.executemany("INSERT INTO bulletin_built (bulletin_id, built_from, built_to) VALUES (?, ?, ?)",
                           [(bulletin, low, high) for low, high in built])
            db.executemany("INSERT INTO bulletin_model (bulletin_id, make_key, model_key, year_from, year_to) "
                           "VALUES (?, ?, ?, ?, ?)",
                           [(bulletin, make.strip().lower(), name.strip().lower(), int(low or 0), int(high or 9999))
                            for make, name, low, high in models])
            audit("bulletin", f"{manufacturer}/{a['number']}", "added",
                  {"revision": a["revision"], "title": text(element, "Title"), "vins": str(len(set(listed)))})
            counts["Bulletins"] = counts.get("Bulletins", 0) + 1
        elif tag == NS + "Part" and element.getparent().tag != NS + "Parts":
            continue  # a bulletin's part: read with its bulletin, which clears it
        elif tag == NS + "Vehicle":
            vehicles.append((a["vin"].strip().upper(), a["make"], a["model"], a.get("year"), a.get("built")))
            if len(vehicles) >= BATCH:
                flush_vehicles()
            counts["Vehicles"] = counts.get("Vehicles", 0) + 1
        elif tag == NS + "LabourOperation":
            db.execute("INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (a["code"], a["make"], a.get("model", ""), fen(a["hours"]), text(element, "Description"),
                        source, NOW))
            audit("labour_operation", f"{a['code']}/{a['make']}/{a.get('model', '*')}", "added", {"hours": a["hours"]})
        elif tag == NS + "Part":
            price = fen(a["price"])
            db.execute("INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (a["number"], text(element, "Name"), price, a["currency"], effective, source, NOW))
            db.execute("INSERT INTO part_price (number, effective, price_fen, currency, source) VALUES (?, ?, ?, ?, ?)",
                       (a["number"], effective, price, a["currency"], source))
            audit("part", a["number"], "added", {"price": a["price"]})
        elif tag == NS + "WarrantyTerm":
            db.execute("INSERT INTO warranty_term (make, model, usage, months, kilometres, effective, source) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (make, model, usage, effective) DO UPDATE SET "
                       "months = excluded.months, kilometres = excluded.kilometres, source = excluded.source",
                       (a["make"], a.get("model", ""), a["usage"], int(a["months"]), int(a["kilometres"]),
                        a["effective"], source))
            audit("warranty_term", f"{a['make']}/{a.get('model', '*')}/{a['usage']}/{a['effective']}", "set",
                  {"months": a["months"], "kilometres": a["kilometres"]})
        elif tag == NS + "PartsWarranty":
            db.execute("INSERT INTO parts_warranty_term (make, model, months, effective, source) "
                       "VALUES (?, ?, ?, ?, ?)",
                       (a["make"], a.get("model", ""), int(a["months"]), a["effective"], source))
            audit("parts_warranty_term", f"{a['make']}/{a.get('model', '*')}/{a['effective']}", "added",
                  {"months": a["months"]})
        element.clear()
        # Drop the items already stored, so the tree does not grow with the file.
        while element.getprevious() is not None:
            del element.getparent()[0]
    flush_vins()
    flush_vehicles()
    with open(path, "rb") as file:
        checksum = hashlib.file_digest(file, "sha256").hexdigest() if hasattr(hashlib, "file_digest") else \
            hashlib.sha256(file.read()).hexdigest()
    cursor = db.execute("INSERT INTO import_run (kind, file, checksum, at, actor, counts) VALUES (?, ?, ?, ?, ?, ?)",
                        ("manufacturer-data", path, checksum, NOW, ACTOR, json.dumps(counts)))
    audit("import", str(cursor.lastrowid), "import-manufacturer-data", {"file": path, "counts": json.dumps(counts)})
    flush_audits()
    db.execute("COMMIT")
    db.close()


def print_counts(database):
    db = sqlite3.connect(database)
    for table in TABLES:
        print(table, db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


if __name__ == "__main__":
    if sys.argv[1] == "--counts":
        print_counts(sys.argv[2])
    else:
        main(sys.argv[1], sys.argv[2])
