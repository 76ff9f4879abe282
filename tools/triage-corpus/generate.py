#!/usr/bin/env python3
"""Writes server/src/main/resources/triage/corpus.tsv: the labelled tickets that triage learns from.

Run from the repository root:  python3 tools/triage-corpus/generate.py
The output is deterministic (fixed seed). Tickets come from two sources:
  * scenarios: hand-written subject/description templates per category with slots ({emr}, {pt}, ...),
    combined with scope phrases (one person / several / whole site), urgency phrases (patients waiting),
    openers, sign-offs and staff-style noise (typos, abbreviations, lower case);
  * handwritten.tsv beside this script: irregular tickets written one by one (vague, misleading, Spanish).
Labels follow PRODUCT.md (see label() below). Texts are de-duplicated after normalisation, and the split
(train ~80% / heldout ~20%) is taken from a hash of the normalised text, so no text is in both parts.
"""
import hashlib
import os
import random
import re
import unicodedata

SEED = 20261125
rnd = random.Random(SEED)

# ---------------------------------------------------------------- slots
SLOTS = {
    "emr": ["Epic", "epic", "eCW", "ECW", "Cerner", "athena", "Athena", "NextGen", "the EMR", "EMR", "emr", "the EHR",
            "EHR", "the chart system", "Hyperspace", "eclinicalworks"],
    "who": ["Dr Patel", "Dr. Nguyen", "dr smith", "Dr Alvarez", "our NP", "the PA", "Dr. Okafor", "dr. kim", "our provider",
            "the doc", "Dr Reyes", "Dr. Brooks"],
    "role": ["MA", "nurse", "front desk", "billing", "RN", "LPN", "scheduler", "medical assistant", "check-in", "triage nurse"],
    "room": ["exam room 3", "room 4", "exam 2", "room 7", "triage room", "the lab", "check-in desk 2", "front desk", "nurses station",
             "room 12", "the procedure room", "peds room 1"],
    "printer": ["the front desk printer", "printer in room 4", "the Zebra label printer", "the wristband printer",
                "the HP in the back office", "lab label printer", "the check-in printer", "the Brother by the nurses station",
                "the script printer", "Dymo label printer"],
    "site": ["Chesterfield", "the Main St clinic", "Riverbend", "the north office", "our satellite clinic", "Oak Park",
             "the peds office", "Westside", "the downtown clinic"],
    "time": ["since this morning", "since 8am", "for an hour", "since lunch", "all day", "since yesterday", "for 20 min",
             "since we opened", "since about 2pm", "the last couple days", "since Monday"],
    "n": ["2", "3", "4", "5", "6", "two", "three", "a couple", "several"],
    "app": ["Dragon", "Adobe", "Zoom", "the PDMP site", "UpToDate", "Teams", "the lab portal", "Chrome", "DocuSign",
            "the fax software", "Office"],
    "device": ["laptop", "computer", "desktop", "PC", "workstation", "tablet", "WOW cart", "computer on wheels", "surface"],
}

# ---------------------------------------------------------------- scope and urgency phrases
SCOPE = {
    "ONE": ["", "", "", "Just me.", "Only my computer.", "Others around me are fine.", "only happening on my pc",
            "Just this one workstation.", "the other computers in the office work fine", "only me i think",
            "coworker's is fine", "only on this machine"],
    "SEVERAL": ["Couple of us have this.", "{n} of us have the same problem.", "Both front desk computers.",
                "Me and {who} both.", "half the nurses are having this", "a few MAs are seeing it too",
                "3 people on our pod", "several users in billing", "both computers in {room} and room 5"],
    "SITE": ["Whole clinic is affected.", "Nobody can work.", "All computers in the office.", "The entire office has it.",
             "Everyone at {site} has this.", "whole site", "nobody in the building can get in", "every workstation",
             "all providers affected", "entire clinic", "it's all of us, every computer", "whole office",
             "everyone here", "the entire building", "all staff at {site}", "nobody can chart"],
}
URGENT = ["Patients waiting!", "pts waiting", "I have a patient in the room", "waiting room is full", "pt in room now",
          "{who} has patients stacked up", "clinic is running, patients waiting", "have pts checking in now",
          "patient is sitting here waiting", "pls asap patients waiting", "we are behind, pts in rooms"]
OPENERS = ["", "", "", "", "Hi,", "Hello IT,", "hi team", "Good morning,", "Hey -", "IT -", "Help!", "Hi there,", "hello"]
SIGNOFFS = ["", "", "", "", "Thanks", "thx", "Thank you!", "ty", "- {role}", "thanks, {role} at {site}", "pls help",
            "call me at front desk", "ext 2231", "Sent from my iPhone"]

# ---------------------------------------------------------------- scenarios
# (category, severity, scopes allowed, subjects, descriptions[, extra])
# severity: DOWN (blocked), DEGRADED (slow/intermittent/workaround), REQUEST (request, question, scheduled)
# extra: {"sec_active": bool} for security, {"vpn": True} for network, {"fixed": "P?"} for a fixed priority
A, S, O = ["ONE"], ["ONE", "SEVERAL"], ["ONE", "SEVERAL", "SITE"]
SCENARIOS = [
    # ACCOUNT_ACCESS
    ("ACCOUNT_ACCESS", "DOWN", S, ["locked out", "Locked out of {emr}", "cant log in", "password expired", "account locked",
                                  "login not working", "can't sign in to {emr}", "locked out again"],
     ["I got locked out of {emr} after typing my password wrong.", "My password expired and it won't let me reset it.", "No puedo entrar a {emr}, dice que mi cuenta esta bloqueada.", "Se me olvido la contraseña y no puedo iniciar sesion",
      "It says my account is locked, tried 3 times.", "cant log into {emr}, says invalid username or password but its right",
      "Password reset pls, forgot it over the weekend", "My windows login says the account is disabled",
      "keeps saying incorrect password on the computer login screen", "I changed my pw yesterday and now nothing takes it"]),
    ("ACCOUNT_ACCESS", "DOWN", S, ["MFA not working", "Duo push not coming", "authenticator issue", "new phone MFA",
                                  "badge tap not working", "imprivata badge"],
     ["Not getting the Duo push on my phone so I can't finish login.", "Got a new phone and my authenticator codes are gone.",
      "The MFA code keeps saying invalid.", "My badge tap-in stopped working on the {device}, have to type password every time",
      "Imprivata doesn't recognize my badge anymore", "the 2 factor text never comes", "No me llega el codigo de verificacion al celular"]),
    ("ACCOUNT_ACCESS", "DOWN", A, ["EPCS token", "portal login", "cant access {emr} portal"],
     ["Can't log into the patient portal admin side, says access denied.", "My EPCS token login fails, says user not authorized",
      "my {emr} login works on one computer but says unauthorized user on the other"]),
    ("ACCOUNT_ACCESS", "DOWN", ["SITE"], ["nobody can log in", "login down for everyone"],
     ["None of us can sign in to {emr}, it says authentication service unavailable.", "Everybody getting locked out of windows login at once",
      "SSO login page errors for all staff"]),
    ("ACCOUNT_ACCESS", "REQUEST", A, ["reset my password", "how do i change password", "password question"],
     ["How do I change my password before it expires next week?", "Can you reset my voicemail... no my email password when you get a chance, not urgent",
      "question: how often do we have to change passwords?"]),
    # EMR_PERFORMANCE
    ("EMR_PERFORMANCE", "DEGRADED", ["SEVERAL", "SITE"], ["{emr} slow", "{emr} super slow", "EMR lagging", "spinning wheel in {emr}",
                                                         "{emr} so slow", "charting is slow", "slow emr", "{emr} sluggish"],
     ["{emr} is really slow {time}, charts take forever to open.", "Spinning wheel every time I open a chart in {emr}.",
      "Everything in {emr} is lagging, takes 30 sec to switch patients", "{emr} keeps hanging for a minute then comes back",
      "Notes take forever to save in {emr}", "{emr} slow again. Same as last week.", "The emr is sooo slow today", "{emr} esta muy lento, tarda mucho en abrir los expedientes", "El sistema va lentisimo desde la mañana",
      "Clicking anything in {emr} takes like 20 seconds", "{emr} timing out when we open the schedule", "In basket takes ages to load", "Epic hourglass on every click", "Chart review is dragging"]),
    ("EMR_PERFORMANCE", "DOWN", ["SEVERAL", "SITE"], ["{emr} frozen", "{emr} unusable", "{emr} not responding", "cant chart"],
     ["{emr} is frozen and not responding, we cant chart at all.", "{emr} esta congelado, no podemos abrir ningun expediente", "{emr} is completely unusable, every click times out.",
      "{emr} hangs and never loads the chart, we cannot see anything", "{emr} keeps freezing, can't get into any chart"]),
    ("EMR_PERFORMANCE", "DEGRADED", A, ["{emr} slow for me", "{emr} timing out"],
     ["{emr} times out on me when I load the schedule, works after a few tries", "Only for me {emr} is slow loading results"]),
    # EMR_APPLICATION
    ("EMR_APPLICATION", "DOWN", O, ["eRx error", "cant send scripts", "e-prescribing not working", "EPCS failing",
                                   "Surescripts error", "prescriptions won't send"],
     ["Getting an error when sending prescriptions to the pharmacy from {emr}.", "e-prescribing fails with error 500 in {emr}.",
      "EPCS signing fails for controlled substances, says certificate error.", "scripts stuck in pending, pharmacy never gets them",
      "Surescripts error on every refill", "No se pueden enviar las recetas a la farmacia, sale error"]),
    ("EMR_APPLICATION", "DOWN", S, ["order error", "template broken", "cant sign note", "lab orders error", "{emr} error message"],
     ["When I try to sign my note {emr} throws an error and won't save.", "My progress note template is missing all the smart phrases",
      "Lab orders won't go through, error 'invalid order code'.", "Getting 'object reference not set' when opening the medication list",
      "Cannot add a diagnosis code, the search box errors out", "Referral order won't submit, red error banner"]),
    ("EMR_APPLICATION", "DEGRADED", S, ["{emr} bug", "template issue", "order set wrong", "wrong default in {emr}"],
     ["The vitals flowsheet is showing the wrong units, have to convert by hand.", "Order set for annual physical is missing the lipid panel",
      "{emr} keeps defaulting the wrong pharmacy, we change it manually", "The appointment reminder template has last year's address",
      "After the update the ROS section duplicates itself in the note", "Inbox messages show up twice in {emr}", "La plantilla de la nota tiene un error, la corregimos a mano"]),
    ("EMR_APPLICATION", "REQUEST", A, ["new template request", "{emr} question", "how do i in {emr}"],
     ["Could we get a new template for well child visits in {emr}?", "How do I add a favorite order in {emr}?",
      "Question about how to route results to another provider in {emr}"]),
    # PRINTING_SCANNING
    ("PRINTING_SCANNING", "DOWN", S, ["printer not working", "printer offline", "paper jam", "cant print", "label printer down",
                                     "wristband printer", "scanner not working", "fax not sending"],
     ["{printer} says offline.", "{printer} is jammed and won't clear.", "Nothing comes out of {printer}, jobs just sit in queue.", "Copier says error code E-202", "Zebra prints blank labels", "scan to folder stopped working",
      "Wristbands print blank", "Scanner won't scan to the chart, it says no connection", "Fax won't send, keeps failing",
      "labels printing half cut off", "La impresora no imprime, dice fuera de linea", "El escaner no funciona", "the scanner at check in is not picking up insurance cards"]),
    ("PRINTING_SCANNING", "DEGRADED", S, ["printer slow", "faxes delayed", "printing faded", "scanner slow"],
     ["{printer} takes 5 minutes to print anything.", "Incoming faxes are delayed by hours.", "prints are very faded, toner maybe?",
      "Scans come out crooked and blurry, we rescan", "Printer works but sometimes prints gibberish"]),
    ("PRINTING_SCANNING", "DOWN", ["SITE"], ["no one can print", "all printers down"],
     ["No printer in the building works, cant print scripts or labels.", "every printer in the office is offline"]),
    ("PRINTING_SCANNING", "REQUEST", A, ["add printer", "printer setup question", "need toner"],
     ["Can you add the new printer in room 4 to my computer?", "We need toner for {printer}, how do we order?",
      "how do I set scan to email on the copier"]),
    # NETWORK_CONNECTIVITY
    ("NETWORK_CONNECTIVITY", "DOWN", O, ["no internet", "wifi down", "internet down", "network down", "no network",
                                        "cant connect", "wifi not working", "internet out"],
     ["No internet {time}.", "The wifi keeps dropping and now won't connect at all.", "Nothing loads, says no internet connection.",
      "Network cable light is off, no connection", "Wi-Fi shows connected but nothing opens", "can't get online",
      "Can't log in to anything, looks like the internet is down", "Internet is out, can't reach any websites or {emr}",
      "The clinical wifi is gone, only guest wifi shows up", "No hay internet en mi computadora", "El wifi no conecta"]),
    ("NETWORK_CONNECTIVITY", "DEGRADED", O, ["wifi slow", "internet slow", "wifi dropping", "network intermittent"],
     ["Wi-Fi drops every few minutes then comes back.", "Internet is very slow, pages take forever.",
      "the {device} keeps disconnecting from wifi in {room}", "Network goes in and out all day"]),
    ("NETWORK_CONNECTIVITY", "DOWN", A, ["VPN not connecting", "vpn issue", "cant connect vpn from home"],
     ["VPN won't connect from home, says server unreachable.", "GlobalProtect stuck on connecting", "Working remote today and the VPN keeps failing"],
     {"vpn": True}),
    ("NETWORK_CONNECTIVITY", "DOWN", ["SITE"], ["site internet down", "internet down whole clinic", "network outage"],
     ["The internet is down for the whole site, nothing works.", "We lost internet at {site}, every computer and phone is offline",
      "Comcast line is down and the backup didn't kick in", "Se cayo el internet en toda la clinica", "No hay red en toda la oficina, nada funciona", "firewall lights are red and nobody has internet"]),
    # MEDICAL_DEVICE_INTEGRATION
    ("MEDICAL_DEVICE_INTEGRATION", "DOWN", O, ["PACS down", "xray images not showing", "DICOM not sending", "ECG not uploading",
                                              "lab interface down", "HL7 interface", "vitals not crossing"],
     ["X-ray images are not showing in PACS.", "The ultrasound won't send images to PACS, DICOM error.",
      "EKG machine results aren't going into the chart.", "Lab results from Quest stopped coming into {emr}.",
      "HL7 interface is down, no results since {time}", "Vitals monitor isn't sending BP to {emr}",
      "The Welch Allyn vitals don't populate anymore", "Point of care A1c results not crossing to chart",
      "Interface engine queue stuck, orders not reaching the lab", "Los resultados del laboratorio no llegan al expediente", "Las imagenes de rayos x no aparecen en PACS"]),
    ("MEDICAL_DEVICE_INTEGRATION", "DEGRADED", S, ["PACS slow", "images delayed", "lab results delayed"],
     ["PACS images take 10 min to appear.", "Lab results are coming in hours late.", "The ECG upload works only on the second try"]),
    ("MEDICAL_DEVICE_INTEGRATION", "DOWN", ["SITE"], ["imaging down", "radiology can't read"],
     ["Imaging is down for the whole department, radiologist can't see any studies.", "PACS is down for all of radiology"]),
    # ENDPOINT_HARDWARE
    ("ENDPOINT_HARDWARE", "DOWN", A, ["computer won't turn on", "blue screen", "monitor black", "keyboard not working",
                                     "mouse dead", "laptop broken", "pc wont boot", "computer weird"],
     ["My {device} won't turn on.", "Docking station not charging the laptop", "Headset not detected by the computer", "Touchscreen on the {device} not responding", "Blue screen on my {device}, keeps restarting.", "Monitor is black but computer is on.",
      "Keyboard stopped working in {room}.", "The mouse is dead, changed batteries already", "{device} stuck on updating windows 0%",
      "Dropped the tablet and the screen is cracked, doesn't respond", "Computer makes a beeping noise and doesn't start",
      "computer being weird, screen flickers and then goes black", "Mi computadora no prende", "La pantalla se queda negra", "El teclado no funciona"]),
    ("ENDPOINT_HARDWARE", "DEGRADED", A, ["computer slow", "laptop slow", "pc very slow", "{emr} slow on my laptop",
                                         "old laptop slow", "computer freezing"],
     ["My {device} is super slow, takes 10 minutes to start.", "{emr} slow but only on my old laptop, other computers are fine.",
      "Everything is slow on this computer, even opening the start menu.", "{device} freezes a few times a day, fan is loud",
      "The {emr} is slow on the {device} in {room}, the one next to it is fast", "This PC is so slow, disk light always on",
      "Windows update keeps popping up and the computer crawls", "Second monitor flickers on and off", "La computadora esta muy lenta, solo la mia"]),
    ("ENDPOINT_HARDWARE", "REQUEST", A, ["update question", "restart question"],
     ["Is it ok to restart my computer for the updates tonight?", "When will my laptop get the windows 11 update?"]),
    # EMAIL_COLLABORATION
    ("EMAIL_COLLABORATION", "DOWN", S, ["outlook not working", "email not sending", "cant open outlook", "teams not working",
                                       "shared calendar missing", "mailbox full"],
     ["Outlook won't open, stuck on loading profile.", "Emails stuck in outbox.", "My mailbox is full and I can't send.",
      "Teams keeps crashing when I join a meeting.", "The shared provider calendar disappeared from my Outlook.",
      "Not receiving any emails {time}", "Teams chat won't load, just spinning", "Can't see the front desk shared mailbox anymore", "No puedo enviar correos, se quedan en la bandeja de salida", "Outlook no abre"]),
    ("EMAIL_COLLABORATION", "DEGRADED", S, ["email slow", "outlook slow", "teams audio"],
     ["Outlook is slow to search.", "Teams audio cuts out in meetings.", "Emails take 15 minutes to arrive"]),
    ("EMAIL_COLLABORATION", "REQUEST", A, ["out of office", "email signature", "distribution list", "shared calendar access"],
     ["How do I set my out of office in Outlook?", "Can you update my email signature with my new title?",
      "Please add me to the billing distribution list.", "Can I get edit access to the providers shared calendar?"]),
    ("EMAIL_COLLABORATION", "DOWN", ["SITE"], ["email down for everyone"],
     ["Nobody in the office can send or receive email.", "Outlook down for all staff, says cannot connect to server"]),
    # PHONES_TELEPHONY
    ("PHONES_TELEPHONY", "DOWN", O, ["phone dead", "no dial tone", "phones down", "voicemail not working", "cant transfer calls",
                                    "call queue broken", "desk phone not working"],
     ["My desk phone has no dial tone.", "Phone screen says no service.", "Can't transfer calls to the nurse line.",
      "Voicemail light is on but I can't get into voicemail.", "The call queue isn't ringing at front desk.",
      "Incoming calls go straight to busy", "Our VoIP phones keep rebooting", "Patients say the phone just rings and rings", "El telefono no tiene tono", "No puedo transferir llamadas"]),
    ("PHONES_TELEPHONY", "DEGRADED", S, ["call quality bad", "phones choppy", "dropped calls"],
     ["Calls are choppy and patients can't hear me.", "Calls drop after about a minute.", "Echo on every call"]),
    ("PHONES_TELEPHONY", "REQUEST", A, ["change voicemail greeting", "phone extension"],
     ["How do I change my voicemail greeting?", "Can you change the after hours message for the holiday?",
      "Need the nurse line to forward to my extension on Fridays"]),
    # SECURITY_INCIDENT (active)
    ("SECURITY_INCIDENT", "DOWN", O, ["weird email", "clicked a link", "odd email", "phishing?", "think I got scammed",
                                     "suspicious email", "email from CEO asking for gift cards"],
     ["Got an odd email about my paycheck, clicked it, then typed my password.", "I clicked a link in an email from 'Microsoft' and entered my login.",
      "I put my password in a page that looked like our email login, now I'm not sure it was real.",
      "Opened an attachment from a fax email and now my computer is acting strange.",
      "I bought gift cards for the CEO email and sent the codes, now I think it was fake",
      "clicked on a docusign email and signed in, then it went to a blank page", "Me llego un correo del banco, le di click al enlace y puse mi contraseña", "abri un archivo adjunto de un correo raro y ahora la computadora hace cosas raras"], {"sec_active": True}),
    ("SECURITY_INCIDENT", "DOWN", O, ["ransomware", "files encrypted", "weird note on screen", "virus", "popup says pay"],
     ["There is a note on my screen saying our files are encrypted and to pay bitcoin.", "All the files on the shared drive have weird extensions and won't open.",
      "Popup says my computer is infected, call this number, and the mouse is moving by itself.",
      "Antivirus says threat detected and quarantined something, computer acting weird", "Someone is controlling my mouse remotely", "Sale un mensaje que dice que mis archivos estan encriptados y hay que pagar"],
     {"sec_active": True}),
    ("SECURITY_INCIDENT", "DOWN", A, ["lost laptop", "stolen laptop", "lost phone", "laptop stolen from car", "missing tablet"],
     ["My work laptop was stolen from my car last night.", "I left the clinic tablet on the bus.", "Lost my phone that has work email on it.",
      "The {device} from {room} is missing, we think someone took it.", "USB drive with patient list lost", "Me robaron la laptop del trabajo del carro", "Perdi mi celular con el correo del trabajo"], {"sec_active": True}),
    ("SECURITY_INCIDENT", "DOWN", A, ["sent to wrong person", "PHI sent wrong", "possible breach", "wrong patient fax",
                                     "suspicious login"],
     ["I emailed a patient's lab results to the wrong patient.", "Faxed records to the wrong number, it had full chart.",
      "Got an alert about a login to my account from another country.", "Someone not on staff was looking at charts on an unlocked computer",
      "My account shows logins at 3am that were not me", "Mande los resultados de un paciente al paciente equivocado"], {"sec_active": True}),
    # SECURITY_INCIDENT (reported, not acted on)
    ("SECURITY_INCIDENT", "REQUEST", A, ["reporting phishing", "spam email fyi", "suspicious email did not click", "fyi phishing"],
     ["Got a phishing looking email, I did not click anything, just letting you know.", "FYI suspicious email about a voicemail, didn't open it, deleted it.",
      "Reporting a scam email pretending to be our bank, I didn't click", "Another fake invoice email, not clicked, forwarded to you"],
     {"sec_active": False}),
    # INFRASTRUCTURE
    ("INFRASTRUCTURE", "DOWN", ["SEVERAL", "SITE"], ["server down", "shared drive gone", "file server not responding",
                                                      "S drive missing", "database sync failing"],
     ["The shared S: drive is gone, nobody can open scanned documents.", "File server not responding.",
      "The server in the back closet is beeping and everything on it is down.", "The sync between our sites stopped, schedules don't match",
      "Citrix server is down", "Our local {emr} server crashed", "El servidor no responde, nadie puede abrir la unidad compartida"]),
    ("INFRASTRUCTURE", "DEGRADED", ["ONE"], ["backup failed", "backup error", "server warning", "disk space alert",
                                                      "UPS beeping", "server room hot"],
     ["Got an email that last night's backup failed.", "Backup job error again this week.", "Server shows a disk almost full warning.",
      "The UPS in the server closet is beeping.", "Server room feels really hot, AC might be out.", "RAID warning light on the server"]),
    ("INFRASTRUCTURE", "REQUEST", A, ["DR test", "backup restore request", "server maintenance"],
     ["Can we schedule the disaster recovery test for next month?", "Please restore a folder from last Tuesday's backup, deleted by accident.",
      "When is the server maintenance window this weekend?"]),
    # SERVICE_REQUEST
    ("SERVICE_REQUEST", "REQUEST", A, ["new hire", "new employee starting", "onboarding", "termination", "offboarding",
                                      "access request", "need software", "new monitor", "move desk", "new laptop request",
                                      "install request"],
     ["New MA starting Monday, needs {emr}, email and a badge.", "Please set up accounts for our new nurse starting next week.",
      "{role} last day is Friday, please disable her accounts.", "Can {who} get access to the billing reports?",
      "Need {app} installed on my computer.", "Could we get a second monitor for {room}?", "We are moving the front desk to the other side next week, need phones and pcs moved.",
      "Requesting a new laptop for our practice manager.", "Please give me access to the scheduling module.",
      "Need a webcam for telehealth visits", "Can we order 2 more label printers for the new rooms?",
      "New provider starting the 1st, needs EPCS setup and DEA token", "Tenemos una nueva recepcionista que empieza el lunes, necesita usuario y correo", "Necesito que instalen {app} en mi computadora", "Por favor desactiven la cuenta de {role}, su ultimo dia fue ayer"], {"weight": 3}),
]

# ---------------------------------------------------------------- labels (PRODUCT.md)
TIER = {"ACCOUNT_ACCESS": 1, "PRINTING_SCANNING": 1, "ENDPOINT_HARDWARE": 1, "EMAIL_COLLABORATION": 1,
        "PHONES_TELEPHONY": 1, "SERVICE_REQUEST": 1, "EMR_PERFORMANCE": 2, "EMR_APPLICATION": 2,
        "MEDICAL_DEVICE_INTEGRATION": 2, "INFRASTRUCTURE": 3, "SECURITY_INCIDENT": 3}


def tier(cat, scope, vpn):
    if cat == "NETWORK_CONNECTIVITY":
        return 2 if vpn or scope in ("SEVERAL", "SITE") else 1
    return TIER[cat]


def priority(cat, sev, scope, urgent, sec_active):
    if cat == "SECURITY_INCIDENT":
        return "P1" if sec_active else "P3"   # any active incident is P1; a report of an unopened email is not
    if sev == "REQUEST":
        return "P4"
    if scope == "SITE":
        return "P1" if sev == "DOWN" else "P2"
    if sev == "DOWN":
        return "P2" if scope == "SEVERAL" or urgent else "P3"
    return "P3"


# ---------------------------------------------------------------- noise
TYPOS = {"password": ["pasword", "passwrd", "pw"], "printer": ["priter", "printr"], "computer": ["compter", "computor", "pc"],
         "internet": ["internt", "interent"], "please": ["pls", "plz"], "patient": ["pt", "patiant"], "patients": ["pts", "pt's"],
         "working": ["workin", "wroking"], "because": ["bc", "b/c"], "schedule": ["schedual", "sched"], "doesn't": ["doesnt"],
         "can't": ["cant", "can not"], "won't": ["wont"], "isn't": ["isnt"], "nobody": ["no one", "noone"],
         "really": ["rly", "realy"], "again": ["agian"], "email": ["e-mail", "emial"], "the": ["teh"], "with": ["w/"]}


def noisy(text):
    words = text.split(" ")
    out = []
    for w in words:
        key = w.lower().strip(".,!?")
        if key in TYPOS and rnd.random() < 0.25:
            w = rnd.choice(TYPOS[key])
        elif len(w) > 5 and rnd.random() < 0.03:
            i = rnd.randrange(1, len(w) - 2)
            w = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        out.append(w)
    text = " ".join(out)
    r = rnd.random()
    if r < 0.2:
        text = text.lower()
    elif r < 0.25:
        text = text.upper()
    if rnd.random() < 0.2:
        text = text.replace(".", "")
    return text


SITE_WORDS = re.compile(r"nobody|no one|none of us|everybody|everyone|all staff|every printer|in the building|nadie|toda la", re.I)


ONE_DEVICE_WORDS = re.compile(r"fine|computer|workstation|machine|pc", re.I)


def fill(t):
    for _ in range(3):
        t = re.sub(r"\{(\w+)\}", lambda m: rnd.choice(SLOTS[m.group(1)]) if m.group(1) in SLOTS else m.group(0), t)
    return t


def compose(scn):
    cat, sev, scopes, subjects, descs = scn[:5]
    extra = scn[5] if len(scn) > 5 else {}
    scope = rnd.choice(scopes)
    urgent = sev != "REQUEST" and cat != "SECURITY_INCIDENT" and rnd.random() < 0.3
    body = rnd.choice(descs)
    if SITE_WORDS.search(body) and sev != "REQUEST" and cat != "SECURITY_INCIDENT":
        scope = "SITE"   # the description itself says everyone is affected; no contradicting scope phrase
    parts = [rnd.choice(OPENERS), body]
    if rnd.random() < 0.5:
        parts.append(rnd.choice(SLOTS["time"]).capitalize() + ".")
    if cat != "SECURITY_INCIDENT" and sev != "REQUEST" and not SITE_WORDS.search(body):
        phrase = rnd.choice(SCOPE[scope])
        parts.append(phrase)
        if cat == "EMR_PERFORMANCE" and scope == "ONE" and ONE_DEVICE_WORDS.search(phrase):
            cat = "ENDPOINT_HARDWARE"   # "EMR slow, others around me are fine": the computer, not the EMR
    if cat == "INFRASTRUCTURE" and sev == "DEGRADED":
        urgent = False
    if urgent:
        parts.append(rnd.choice(URGENT))
    parts.append(rnd.choice(SIGNOFFS))
    desc = noisy(fill(" ".join(p for p in parts if p)))
    subject = fill(rnd.choice(subjects))
    if scope == "SITE" and rnd.random() < 0.5:
        subject += rnd.choice([" - whole clinic", " for everyone", " ALL COMPUTERS", " entire office", " - nobody can work"])
    if urgent and rnd.random() < 0.4:
        subject += rnd.choice([" asap", " URGENT", " pts waiting", "!!"])
    subject = noisy(subject)
    if cat == "SECURITY_INCIDENT" or sev == "REQUEST":
        scope = "ONE"
    return dict(category=cat, tier=tier(cat, scope, extra.get("vpn", False)),
                priority=priority(cat, sev, scope, urgent, extra.get("sec_active", False)),
                scope=scope, subject=subject.strip()[:200], description=desc.strip())


def norm(s):
    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def clean(s):
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip()


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", ".."))
    rows, seen = [], set()

    def add(r, source):
        key = norm(r["subject"] + " " + r["description"])
        if key in seen or not key:
            return
        seen.add(key)
        r["source"] = source
        r["split"] = "heldout" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 5 == 0 else "train"
        rows.append(r)

    with open(os.path.join(here, "handwritten.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            cat, t, p, scope, subject, desc = line.rstrip("\n").split("\t")
            add(dict(category=cat, tier=int(t), priority=p, scope=scope, subject=clean(subject), description=clean(desc)), "handwritten")

    per_scenario = 42
    for scn in SCENARIOS:
        made, tries = 0, 0
        want = per_scenario * (scn[5].get("weight", 1) if len(scn) > 5 else 1)
        while made < want and tries < want * 20:
            tries += 1
            before = len(rows)
            add(compose(scn), "template")
            made += len(rows) - before

    out = os.path.join(root, "server", "src", "main", "resources", "triage", "corpus.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/triage-corpus/generate.py (seed %d); do not edit by hand.\n" % SEED)
        f.write("split\tsource\tcategory\ttier\tpriority\tscope\tsubject\tdescription\n")
        for r in rows:
            f.write("\t".join([r["split"], r["source"], r["category"], str(r["tier"]), r["priority"], r["scope"],
                               clean(r["subject"]), clean(r["description"])]) + "\n")
    from collections import Counter
    print(len(rows), "tickets;", Counter(r["split"] for r in rows), Counter(r["source"] for r in rows))
    print(sorted(Counter(r["category"] for r in rows).items()))
    print(sorted(Counter(r["priority"] for r in rows).items()))


if __name__ == "__main__":
    main()
