#!/usr/bin/env python3
"""The baseline a dealer's IT person would otherwise write: lxml iterparse + sqlite3 executemany into the
same tables aftersales-import fills (bulletin, bulletin_vin, labour_operation, part, part_price,
warranty_term, parts_warranty_term, manufacturer_vehicle). Straightforward on purpose: no schema
validation, no revision rules, no audit; elements are cleared as they are read so memory stays bounded.

    python3 Tools/bench/python_import.py FILE.xml DATABASE.sqlite
"""
import sqlite3
import sys

from lxml import etree

NS = "{urn:aftersales:manufacturer-data:1}"


def main(path, database):
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    cur = db.cursor()
    now = "2026-11-23 00:00:00.000"
    vins, vehicles, batch = [], [], 10000
    bulletin_id = None
    for event, element in etree.iterparse(path, events=("start", "end"), resolve_entities=False, no_network=True, huge_tree=False):
        tag = element.tag
        if event == "start":
            if tag == NS + "Bulletin":
                a = element.attrib
                cur.execute(
                    "INSERT INTO bulletin (manufacturer, number, revision, kind, status, issued, title, component, component_key, content, "
                    "vin_count, has_model, has_built, has_vin_selection, only_built, stored_at, stored_by, source) "
                    "VALUES ('FAW-Volkswagen', ?, ?, ?, ?, ?, '', '', '', '{}', 0, 0, 0, 0, 0, ?, 'python', 'python')",
                    (a["number"], int(a["revision"]), a["kind"], a.get("status", "active"), a["issued"], now))
                bulletin_id = cur.lastrowid
            continue
        if tag == NS + "Vin":
            vins.append((element.text.strip().upper(), bulletin_id))
            if len(vins) >= batch:
                cur.executemany("INSERT OR IGNORE INTO bulletin_vin (vin, bulletin_id) VALUES (?, ?)", vins)
                vins = []
        elif tag == NS + "Bulletin":
            if vins:
                cur.executemany("INSERT OR IGNORE INTO bulletin_vin (vin, bulletin_id) VALUES (?, ?)", vins)
                vins = []
            title = element.findtext(NS + "Title")
            component = element.findtext(NS + "Component")
            cur.execute("UPDATE bulletin SET title = ?, component = ?, component_key = ? WHERE id = ?",
                        (title, component, component.strip().lower(), bulletin_id))
            element.clear()
        elif tag == NS + "LabourOperation":
            a = element.attrib
            cur.execute("INSERT OR REPLACE INTO labour_operation (code, make, model, centihours, description, source, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, 'python', ?)",
                        (a["code"], a["make"], a.get("model", ""), int(round(float(a["hours"]) * 100)), element.findtext(NS + "Description"), now))
            element.clear()
        elif tag == NS + "Part" and element.getparent() is not None and element.getparent().tag == NS + "Parts":
            a = element.attrib
            fen = int(round(float(a["price"]) * 100))
            cur.execute("INSERT OR REPLACE INTO part (number, name, price_fen, currency, effective, source, updated_at) VALUES (?, ?, ?, ?, '2026-11-01', 'python', ?)",
                        (a["number"], element.findtext(NS + "Name"), fen, a["currency"], now))
            cur.execute("INSERT OR REPLACE INTO part_price (number, effective, price_fen, currency, source) VALUES (?, '2026-11-01', ?, ?, 'python')",
                        (a["number"], fen, a["currency"]))
            element.clear()
        elif tag == NS + "WarrantyTerm":
            a = element.attrib
            cur.execute("INSERT OR REPLACE INTO warranty_term (make, model, usage, months, kilometres, effective, source) VALUES (?, ?, ?, ?, ?, ?, 'python')",
                        (a["make"], a.get("model", ""), a["usage"], int(a["months"]), int(a["kilometres"]), a["effective"]))
        elif tag == NS + "PartsWarranty":
            a = element.attrib
            cur.execute("INSERT OR REPLACE INTO parts_warranty_term (make, model, months, effective, source) VALUES (?, ?, ?, ?, 'python')",
                        (a["make"], a.get("model", ""), int(a["months"]), a["effective"]))
        elif tag == NS + "Vehicle":
            a = element.attrib
            vehicles.append((a["vin"].strip().upper(), a["make"], a["model"], a.get("year"), a.get("built")))
            if len(vehicles) >= batch:
                cur.executemany("INSERT OR REPLACE INTO manufacturer_vehicle (vin, make, model, year, built) VALUES (?, ?, ?, ?, ?)", vehicles)
                vehicles = []
            element.clear()
        if element.getparent() is not None and event == "end" and tag in (NS + "LabourOperation", NS + "Vehicle", NS + "Bulletin"):
            # Drop the siblings already handled so the tree does not grow with the file.
            while element.getprevious() is not None:
                del element.getparent()[0]
    if vehicles:
        cur.executemany("INSERT OR REPLACE INTO manufacturer_vehicle (vin, make, model, year, built) VALUES (?, ?, ?, ?, ?)", vehicles)
    db.commit()
    db.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
