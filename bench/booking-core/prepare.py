"""Writes the request lists the wrk scripts read: availability queries and unique booking bodies.

Booking bodies spread over every practitioner's free afternoons (14:00-18:00 Paris, 15-minute motive),
days 7 to 80 from now, each slot used once, each booked by the secretary of its practice for one of its
patients, a different patient per time of day so that the patient constraint does not interfere."""
import datetime
import json
import sys
import zoneinfo

out = sys.argv[1]
paris = zoneinfo.ZoneInfo("Europe/Paris")
tokens = dict(line.rstrip("\n").split("\t") for line in open(f"{out}/tokens.tsv"))
practitioners = [line.rstrip("\n").split("\t") for line in open(f"{out}/practitioners.tsv") if line.strip()]

today = datetime.date.today()
week_from = today + datetime.timedelta(days=7)
with open(f"{out}/availability.txt.in", "w") as f:
    for pr, practice, motive, _ in practitioners:
        f.write(f"/api/practitioners/{pr}/availability?motiveId={motive}&from={week_from}&to={week_from + datetime.timedelta(days=6)}\n")

days = [today + datetime.timedelta(days=d) for d in range(7, 81)]
days = [d for d in days if d.isoweekday() <= 5]
lines = []
for day in days:
    for slot in range(16):
        t = datetime.datetime.combine(day, datetime.time(14, 0), paris) + datetime.timedelta(minutes=15 * slot)
        start = t.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        for pr, practice, motive, first_patient in practitioners:
            patient = int(first_patient) + (int(pr) * 7 + slot) % 250
            body = json.dumps({"practitionerId": int(pr), "motiveId": int(motive), "patientId": patient,
                               "start": start, "channel": "PHONE"})
            lines.append(f"{tokens[practice]}\t{body}\n")
    if len(lines) > 400_000:
        break
with open(f"{out}/booking.txt.in", "w") as f:
    f.writelines(lines)
print(f"{len(practitioners)} practitioners, {len(lines)} booking bodies")
