#!/usr/bin/env python3
"""Generates server/src/test/resources/phi/eval.tsv, the labelled PHI evaluation set (docs/phi-detection.md).

Each template is a ticket text as clinic staff write it, with the PHI kinds it holds. Templates are split, not
examples: every fourth template (and every one marked H) is held out, and held-out examples draw names, streets
and numbers from pools the development examples never use, so the held-out figures measure phrasing and values the
rules were not tuned on. Deterministic (fixed seed): run it again and the file is the same.
    python3 tools/phi-eval/generate.py > server/src/test/resources/phi/eval.tsv
"""
import random

rnd = random.Random(20261125)

POOLS = {
    'dev': dict(
        first=['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Dorothy', 'William', 'Karen', 'Thomas', 'Nancy', 'Daniel'],
        last=['Gonzalez', 'Whitaker', 'Nguyen', 'Okafor', 'Kowalski', 'Brennan', 'Delgado', 'Harrington', 'Lindqvist', 'Abernathy', 'Castillo', 'Fitzgerald'],
        street=['Maple', 'Cedar Ridge', 'Lakeview', 'Willow', 'Prairie', 'Hawthorne', 'Old Mill', 'Sunset'],
        suffix=['St', 'Street', 'Ave', 'Avenue', 'Rd', 'Dr', 'Ln', 'Ct', 'Blvd'],
        doctor=['Patel', 'Chen', 'Morales', 'Singh', 'Ellis', 'Adeyemi'],
    ),
    'test': dict(
        first=['Evelyn', 'Marcus', 'Rosa', 'Harold', 'Tanisha', 'Gerald', 'Beatrice', 'Luis', 'Margaret', 'Dwayne'],
        last=['Villanueva', 'Pruitt', 'Haddad', 'McAllister', "O'Brien", 'Szymanski', 'Ferreira', 'Blackwood', 'Tran', 'Montgomery'],
        street=['Birchwood', 'Riverside', 'Chestnut Hill', 'Magnolia', 'Quail Run', 'Juniper'],
        suffix=['Street', 'Ave', 'Road', 'Drive', 'Lane', 'Way', 'Court', 'Terrace', 'Pkwy'],
        doctor=['Okonkwo', 'Ramirez', 'Nakamura', 'Goldberg', 'Hale'],
    ),
}
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

def pick(pool, key):
    return rnd.choice(POOLS[pool][key])

def name(p):
    f, l = pick(p, 'first'), pick(p, 'last')
    style = rnd.random()
    if style < 0.6: return f'{f} {l}'
    if style < 0.8: return f'{l}, {f}'
    return f'{l.upper()}, {f.upper()}'

def dob():
    y, m, d = rnd.randint(1931, 2019), rnd.randint(1, 12), rnd.randint(1, 28)
    s = rnd.random()
    if s < 0.45: return f'{m:02d}/{d:02d}/{y}'
    if s < 0.65: return f'{m}/{d}/{str(y)[2:]}'
    if s < 0.8: return f'{MONTHS[m-1]} {d}, {y}'
    if s < 0.9: return f'{y}-{m:02d}-{d:02d}'
    return f'{m}-{d}-{y}'

def dos():
    m, d = rnd.randint(9, 11), rnd.randint(1, 28)
    s = rnd.random()
    if s < 0.5: return f'{m}/{d}/2026'
    if s < 0.75: return f'{m}/{d}'
    return f'{MONTHS[m-1][:3]} {d}'

def mrn():
    s = rnd.random()
    if s < 0.5: return str(rnd.randint(10**6, 10**8))
    if s < 0.8: return f'{rnd.randint(0, 9999999):08d}'
    return f'RB{rnd.randint(100000, 999999)}'

def ssn():
    a, b, c = rnd.randint(100, 665), rnd.randint(10, 99), rnd.randint(1000, 9999)
    return f'{a}-{b}-{c}' if rnd.random() < 0.8 else f'{a} {b} {c}'

def phone():
    a, b, c = rnd.choice([312, 773, 414, 608, 920, 262, 847, 630]), rnd.randint(200, 999), rnd.randint(1000, 9999)
    s = rnd.random()
    if s < 0.4: return f'({a}) {b}-{c}'
    if s < 0.8: return f'{a}-{b}-{c}'
    return f'{a}.{b}.{c}'

def addr(p):
    n = rnd.randint(12, 9870)
    s = f'{n} {pick(p, "street")} {pick(p, "suffix")}'
    if rnd.random() < 0.3: s += f' Apt {rnd.randint(1, 40)}'
    return s

def ins():
    s = rnd.random()
    if s < 0.35: return f'{rnd.choice(["XJH", "W", "ZGP", "YRT"])}{rnd.randint(10**8, 10**9)}'
    if s < 0.7: return str(rnd.randint(10**9, 10**11))
    letters = 'ACDEFGHJKMNPQRTUVWXY'
    return f'{rnd.randint(1,9)}{rnd.choice(letters)}{rnd.choice(letters)}{rnd.randint(0,9)}{rnd.choice(letters)}{rnd.choice(letters)}{rnd.randint(0,9)}{rnd.choice(letters)}{rnd.choice(letters)}{rnd.randint(10,99)}'

def fill(t, p):
    values = {
        'name': lambda: name(p), 'dob': dob, 'dos': dos, 'mrn': mrn, 'ssn': ssn, 'phone': phone, 'addr': lambda: addr(p),
        'ins': ins, 'dr': lambda: pick(p, 'doctor'), 'first': lambda: pick(p, 'first'),
        'ticket': lambda: f'BP-{rnd.randint(1000, 99999)}',
        'serial': lambda: rnd.choice(['CNB3K', 'VNB8R', 'XMT2', 'JPBCK', 'E73521']) + str(rnd.randint(10000, 999999)),
        'asset': lambda: rnd.choice(['RBH-', 'LKP-', 'IT', 'AT-']) + str(rnd.randint(1000, 99999)),
        'ip': lambda: f'10.{rnd.randint(0, 40)}.{rnd.randint(0, 254)}.{rnd.randint(2, 254)}',
        'ver': lambda: rnd.choice(['10.0.19045.4412', '23.1.4', 'v2.14.0', '8.3.112', '16.0.17928.20114', '2025.2.1']),
        'meet': lambda: f'{rnd.randint(11, 12)}/{rnd.randint(1, 28)}/2026',
        'ext': lambda: str(rnd.randint(2000, 7999)),
        'vendorphone': lambda: rnd.choice(['1-800-555-0199', '(888) 555-0142', '877-555-0110', '1 866 555 0123', '800.555.0177']),
        'clinicaddr': lambda: f'{rnd.randint(100, 4000)} {rnd.choice(["Oak", "Commerce", "Medical Center", "Main"])} {rnd.choice(["Street", "Drive", "Pkwy", "Ave"])}',
        'year': lambda: str(rnd.randint(2019, 2026)),
        'num': lambda: str(rnd.randint(2, 40)),
    }
    out = t
    while '{' in out:
        i = out.index('{'); j = out.index('}', i)
        key = out[i+1:j]
        out = out[:i] + values[key]() + out[j+1:]
    return out

# (kinds, text). Kinds: N patient name, B date of birth, M medical record number, S SSN, P phone, A street address,
# D date of service, I insurance member id. "-" for none. Texts are what front desk, nurses, billing and physicians type.
T = [
 ('NB', "Can't pull up chart for {name} DOB {dob}, Epic says record locked by another user"),
 ('NBM', "Pt {name} (DOB {dob}) MRN {mrn} - labs from yesterday not showing in results tab"),
 ('-', "Label printer at front desk prints blank labels, tried new roll already"),
 ('M', "Merge request: duplicate charts, MRN {mrn} and MRN {mrn} are the same person"),
 ('S', "Registration screen rejected SSN {ssn} as invalid format, patient is waiting at check-in"),
 ('-', "Dr. {dr} can't sign orders, EPCS token says expired. Needs fix before 1pm clinic"),
 ('P', "Patient says she never got the portal invite, her cell is {phone}, can someone resend"),
 ('A', "Statement returned as undeliverable, patient's new address is {addr}, billing can't update it - field greyed out"),
 ('D', "Claim for DOS {dos} stuck in clearinghouse with error 277, can't resubmit"),
 ('I', "Eligibility check fails for member ID {ins}, says payer not responding"),
 ('-', "Ticket {ticket} was closed but printer still jams every 3rd page"),
 ('-', "Printer serial {serial} in Room 4 showing error 50.2, HP support case opened"),
 ('-', "Asset tag {asset} laptop won't boot after Windows update {ver}"),
 ('-', "Can't reach the PACS server at {ip} from the imaging workstation"),
 ('-', "Please schedule the EMR upgrade training for {meet} at 2pm in the conference room"),
 ('-', "My phone extension {ext} rings but there is no audio on either side"),
 ('-', "Called Epic support at {vendorphone}, they said it's a local network issue"),
 ('-', "New hire starting {meet}, needs Epic, email and badge access - front desk role"),
 ('NB', "{name} {dob} - fax of referral went to wrong number, please check fax logs"),
 ('NBP', "Patient {name}, DOB {dob}, cannot log into MyChart. Best callback {phone}"),
 ('M', "Scanned consent went into the wrong chart. Should be MRN {mrn}, not the one it attached to"),
 ('NM', "Need access restored to pt {name} chart (MRN {mrn}), break the glass is not working"),
 ('-', "Outlook keeps asking for password since this morning, Teams works fine"),
 ('-', "Wi-Fi in exam rooms 3-6 drops every few minutes, guest network is fine"),
 ('BD', "Lab interface didn't send results for DOS {dos}, patient born {dob}"),
 ('I', "Medicare MBI {ins} not found in eligibility portal, front desk tried twice"),
 ('S', "Billing needs SSN corrected in registration, should be {ssn}, system won't let us edit"),
 ('PA', "Please update demographics: home phone {phone}, address {addr}. The edit button is missing for me"),
 ('-', "Version {ver} of the dictation software crashes when I open a template"),
 ('-', "Our clinic moved the fax machine, new fax line extension {ext}, please update routing"),
 ('-', "Vendor (Zebra) support number is {vendorphone}, case 0045512, they need remote access tomorrow"),
 ('-', "Courier dropped off the new monitors at our {clinicaddr} office, need setup in rooms 1-3"),
 ('NB', "Wristband printer printed {name} with DOB {dob} on the wrong patient's band - printer queue mixed up?"),
 ('NBD', "{name} {dob} seen on {dos}, visit note disappeared after I signed it"),
 ('M', "HL7 ADT message rejected for MRN {mrn}, interface engine shows error AR"),
 ('-', "Spinning wheel in Epic for 30 seconds every time I open a chart, whole clinic slow"),
 ('-', "VPN disconnects every hour, working from home today, IP {ip}"),
 ('-', "Please add Dr. {dr} to the cardiology shared calendar"),
 ('NBS', "Identity theft concern: {name} DOB {dob} says her SSN {ssn} shows on a statement sent to someone else"),
 ('P', "Left voicemail for patient about the portal issue at {phone}, please call her back when fixed"),
 ('A', "Patient lives at {addr} and says the portal shows her old address, can IT fix the sync?"),
 ('D', "Encounter for date of service {dos} is locked and I can't add the late charge"),
 ('I', "Insurance ID {ins} scanned from the card comes through with letters swapped"),
 ('-', "Printer CNB3K52231 keeps going offline, IP is {ip}"),
 ('-', "Phones down at the front desk, nobody can call out. Main line {vendorphone}? no, ours is down"),
 ('NB', "Can someone unlock the chart? patient {name}, date of birth {dob}"),
 ('NBI', "Eligibility 270 failed for {name} dob {dob} member id {ins}"),
 ('-', "Monitor on nursing station 2 flickers, asset {asset}"),
 ('-', "Request: install Adobe Reader {ver} on the billing PCs"),
 ('-', "Team meeting about the EMR go-live moved to {meet}, can IT present the downtime plan?"),
 ('M', "Chart # {mrn} shows another patient's allergy list, possible merge issue"),
 ('N', "Patient {name} is at check-in and the kiosk freezes on her name"),
 ('P', "Mom wants portal proxy access for her son, her number is {phone}"),
 ('-', "Scanner in billing saves files as 0 KB, tried restarting it"),
 ('-', "Need a second monitor for Dr. {dr}, she's reading images from home"),
 ('-', "Printer in Room 12 (serial {serial}) prints lines down the page"),
 ('B', "Registration shows DOB as {dob} but the ID card says otherwise, field won't save"),
 ('D', "Pt's appointment on {dos} shows twice on the schedule, both booked in Epic"),
 ('NBMI', "{name} DOB {dob} MRN {mrn} ins {ins}: claim rejected, member ID {ins} invalid per payer"),
 ('S', "Someone emailed a spreadsheet with SSNs to the wrong group, e.g. {ssn} - possible PHI exposure"),
 ('-', "Teams meeting link from Dr. {dr} doesn't open in Chrome"),
 ('-', "Account locked after password reset, user jsmith, extension {ext}"),
 ('NBA', "Returned mail for {name} (DOB {dob}): {addr}. Need help correcting the address record, field locked"),
 ('-', "Call me at extension {ext} when the tech is on the way"),
 ('-', "Fax from the lab keeps failing, their support line is {vendorphone}"),
 ('-', "ECG cart in room 7 won't send to Muse, asset {asset}, IP {ip}"),
 ('M', "Patient ID {mrn} is duplicated in the lab system after the interface restart"),
 ('P', "Callback for patient about refill portal error: {phone}"),
 ('-', "The new badge readers at the {clinicaddr} site don't open the back door"),
 ('NB', "Disclosure log request: {name} born {dob} wants the list of who accessed her record"),
 ('D', "Visit date {dos} missing from the patient's encounter list in the portal"),
 ('I', "Subscriber ID {ins} gets 'coverage not found' but the card is valid"),
 ('-', "Need the Wi-Fi password for the guest network for a vendor visiting on {meet}"),
 ('-', "Software version {ver} fails to install on workstation {asset}"),
 ('-', "Ticket {ticket} and {ticket} are the same issue, please merge"),
 ('NS', "Registration error for patient {name}: SSN {ssn} already exists on another chart"),
 ('NBP', "{name}, {dob}, phone {phone} - duplicate chart created at check-in, please help merge"),
 ('A', "Pharmacy says the prescription label printed the patient's address wrong: {addr}"),
 ('-', "Dictation from Dr. {dr} on {meet} did not transfer to the transcription vendor"),
 ('-', "Epic Hyperspace version {ver} crashing for all MAs at the satellite clinic"),
 ('-', "Call the AT&T repair line {vendorphone} ref ticket 7731 - circuit down at Lakeside"),
 ('D', "Need audit trail for the chart of the patient seen on {dos}, something was edited after signing"),
 ('NBM', "URGENT: wrong patient on label. Printed {name} DOB {dob} MRN {mrn} for a different patient"),
 ('-', "We need 3 new label printers for the lab draw stations, asset tags to follow"),
 ('-', "Server room temp alarm went off at 2am, HVAC vendor called"),
 ('-', "Shipping the broken laptop to Dell depot at {clinicaddr}, need a loaner"),
 ('P', "Patient's daughter called from {phone} because the portal keeps logging her out"),
 ('NB', "{name} ({dob}) shows twice in the scheduling search - which one do we use?"),
 ('M', "MRN: {mrn} - imaging study not linked to the order"),
 ('S', "Last 4 of social {num}{num} is all the patient remembers, registration requires full SSN {ssn}, please advise on the field rule"),
 ('I', "Aetna member ID {ins} rejected in real-time eligibility"),
 ('-', "Help desk number on the sticker, {vendorphone}, goes to voicemail"),
 ('-', "Meeting with the EMR vendor on {meet} about the interface upgrade to {ver}"),
 ('-', "Our office phone number changed, please update the fax cover template"),
 ('-', "Two-factor app not sending push to my phone since I got a new one"),
 ('NBD', "Late entry needed: {name} DOB {dob}, DOS {dos}, note won't unlock"),
 ('A', "Moved to {addr} per patient, portal address update fails with error"),
 ('P', "Guardian contact {phone} not saving in the demographics screen"),
 ('-', "Port 3 on the switch in the IDF closet is blinking amber, {ip}"),
 ('-', "Phishing email claiming to be from Microsoft, I clicked the link but didn't enter anything"),
 ('-', "Backup job failed last night on the file server, error 0x80070005"),
 ('M', "Medical record number {mrn} attached to the wrong DICOM study in PACS"),
 ('I', "Policy number {ins} typed in registration shows as invalid characters"),
 ('NB', "Pt name {name}, DOB {dob}, portal account locked after 5 attempts"),
 ('D', "Date of service {dos} charges didn't cross to billing"),
 ('-', "Kiosk at check-in says 'out of order', serial {serial}"),
 ('-', "Please reset MFA for nurse Kim at extension {ext}"),
 ('-', "Epic downtime reports printed on {meet} are missing the last page"),
 ('-', "IT: the conference room TV won't mirror my laptop, meeting on {meet}"),
 ('NBA', "Demographics for {name}, DOB {dob}, say {addr} but the statement printed the old one"),
 ('P', "Text reminders go to the wrong number for a patient: should be {phone}"),
 ('S', "SSN field shows {ssn} for two different patients after the import"),
 ('M', "Can't find chart number {mrn} in the new system after migration"),
 ('-', "Printer at nursing station prints only half a page, serial {serial}, IP {ip}"),
 ('-', "Firmware {ver} update for the vitals monitors bricked two of them"),
 ('-', "Dr. {dr}'s dictation microphone stopped working"),
 ('NBMD', "Patient {name} DOB {dob} MRN {mrn} seen on {dos} - results routed to wrong provider"),
 ('I', "Medicaid ID {ins} won't validate at check-in"),
 ('A', "Patient's mailing address {addr} gets changed back every night by the interface"),
 ('-', "All phones in the pediatrics wing show 'registering', extension {ext} included"),
 ('-', "New computer for the front desk, asset {asset}, needs printers mapped"),
 ('NB', "Consent form scanned under {name} DOB {dob} belongs to another patient"),
 ('-', "Our Comcast circuit is down, their number {vendorphone}, account with the office manager"),
 ('-', "Please order a replacement battery for UPS in the server room, model SMT1500"),
 ('-', "The {clinicaddr} clinic needs two more Wi-Fi access points in the waiting room"),
 ('D', "Pt visit on {dos} not showing up in the claim queue"),
 ('P', "Pt callback number {phone} shows masked in the phone note, can we see it?"),
 ('NM', "Please unlock record for patient {name}, MRN {mrn}, nurse needs to chart"),
 ('-', "Laptop {asset} fan very loud and hot, Dr. {dr} uses it for rounds"),
 ('-', "ransomware? files renamed with .lock extension on the shared drive"),
 ('-', "I'm out {meet}, please set my out of office, extension {ext}"),
 ('NBS', "{name}, DOB {dob}, SSN {ssn} - registration says duplicate, won't let us save"),
 ('I', "ID card scan reads member # {ins} wrong, check OCR settings"),
 ('M', "MRN {mrn} and {mrn} need merging, same baby, newborn registration"),
 ('-', "Version {ver} of Chrome blocks the lab portal popup"),
 ('-', "Network closet door at {clinicaddr} left unlocked by the cabling vendor"),
 ('B', "Date of birth {dob} displays as a different year in the portal than in Epic"),
 ('NB', "{name} dob {dob} called - portal says account doesn't exist"),
 ('-', "Meeting with Dr. {dr} and Dr. {dr} on {meet} to plan the new clinic's network"),
 ('P', "Patient left number {phone} for IT to call about her MyChart login"),
 ('A', "Patient's address {addr} fails USPS validation in registration"),
 ('D', "Admitted on {dos} but the encounter shows as outpatient"),
 ('-', "Can't print to the label printer at the lab, says 'offline' (IP {ip})"),
 ('-', "Monitor arm broken at workstation {asset}, needs replacement"),
 ('-', "Please call the vendor tech at {vendorphone} to schedule the install"),
 ('NBMIP', "Registration mess: {name}, DOB {dob}, MRN {mrn}, member ID {ins}, phone {phone} - two charts, please merge"),
 ('-', "Upgrade to {ver} scheduled for {meet} after clinic hours"),
 ('-', "Need a report of all printers with serials, e.g. {serial}, for the lifecycle plan"),
 ('S', "Found a sticky note with SSN {ssn} at the shared workstation, reporting as possible PHI exposure"),
 ('M', "Epic In Basket message about MRN {mrn} disappeared"),
 ('-', "The Citrix receiver version {ver} asks for credentials every 5 minutes"),
 ('-', "Please add extension {ext} to the nurse call hunt group"),
 ('NB', "Vaccine registry upload rejected {name}, DOB {dob} - date format error"),
]

# Extra held-out templates (H): phrasings written after the rules, never seen while tuning them.
H = [
 ('NB', "need chart unlocked asap -- {name} dob {dob}"),
 ('NBM', "{name} / {dob} / MRN{mrn} - results in wrong chart"),
 ('-', "toner low on the printer by the lab, serial {serial}"),
 ('P', "pt's husband asked us to update her number to {phone} but the field errors out"),
 ('-', "Dr {dr} says the EMR froze during her {meet} clinic session"),
 ('A', "home address {addr} keeps reverting in the chart"),
 ('D', "DOS: {dos} - note not crossing to billing"),
 ('I', "BCBS ID {ins} eligibility error"),
 ('-', "Conference call with the vendor at {vendorphone}, passcode 4471, re: interface"),
 ('S', "soc sec # {ssn} shows on the printed face sheet, should be masked"),
 ('M', "chart no. {mrn} can't be opened, 'record in use'"),
 ('-', "wifi slow in the break room, IP {ip}, laptop {asset}"),
]

# More development templates, added while tuning (appended after H, so the held-out texts stay as they were):
# the shorthand of busy staff - lowercase, no spaces, slashes and pipes between fields.
D2 = [
 ('NB', "pt {name} d.o.b. {dob} cant open chart"),
 ('NBM', "{name} | dob:{dob} | mrn#{mrn} | wrong pcp listed"),
 ('M', "mrn{mrn} won't load in hyperspace"),
 ('MP', "acct mix-up, pt acct# {mrn}, callback ph: {phone}"),
 ('S', "ss# {ssn} typed in wrong field by registration"),
 ('S', "social security no. {ssn} visible on the check-in screen"),
 ('P', "patient cell: {phone} - portal text codes not arriving"),
 ('P', "his home phone {phone} shows as invalid"),
 ('A', "pt address: {addr}, statement bounced"),
 ('A', "she lives @ {addr} - home health referral won't print the address"),
 ('D', "date of svc {dos} claim stuck"),
 ('D', "service date {dos} missing on the superbill"),
 ('I', "insurance # {ins} rejected"),
 ('I', "Humana ID {ins} comes back inactive but card says active"),
 ('I', "cigna member id: {ins} / eligibility timeout"),
 ('I', "UHC member # {ins} not found"),
 ('I', "policy no. {ins} errors in the eligibility screen"),
 ('M', "Chart ID {mrn} opened under wrong patient"),
 ('M', "encounter # {mrn} locked by coder"),
 ('NB', "born {dob} - {name} - portal says under 13, can't self-enroll"),
 ('NB', "{name} DOB:{dob} needs proxy access fixed"),
 ('-', "printer jam in rm 4 again. sn {serial}"),
 ('-', "pc {asset} bluescreen, error 0x0000007E"),
 ('-', "ip conflict {ip} on the clinical vlan"),
 ('-', "upgrade to version {ver} broke the scanner driver"),
 ('-', "1:1 with Dr. {dr} on {meet} re: dictation setup"),
 ('-', "support line {vendorphone} says 2 hr wait"),
 ('-', "ext {ext} has no dial tone"),
 ('-', "Suite {num} at the {clinicaddr} office has no network"),
 ('-', "deliver the new PCs to our office at {clinicaddr}"),
 ('-', "ticket {ticket} reopened, same scanner issue"),
 ('-', "Dr. {dr} and Dr. {dr} need access to the radiology share by {meet}"),
]

def rows():
    out = []
    for i, (kinds, t) in enumerate(T):
        split = 'test' if i % 4 == 3 else 'dev'
        out.append((split, kinds, t))
    for kinds, t in H:
        out.append(('test', kinds, t))
    for kinds, t in D2:
        out.append(('dev', kinds, t))
    return out

KIND = {'N': 'PATIENT_NAME', 'B': 'DATE_OF_BIRTH', 'M': 'MEDICAL_RECORD_NUMBER', 'S': 'SSN', 'P': 'PHONE_NUMBER',
        'A': 'STREET_ADDRESS', 'D': 'DATE_OF_SERVICE', 'I': 'INSURANCE_ID'}

print('# split\tkinds\ttemplate\ttext  (generated by tools/phi-eval/generate.py; see docs/phi-detection.md)')
for n, (split, kinds, t) in enumerate(rows()):
    for v in range(4):
        text = fill(t, split)
        labels = '-' if kinds == '-' else ','.join(sorted({KIND[k] for k in kinds}))
        print(f'{split}\t{labels}\t{n}\t{text}')
