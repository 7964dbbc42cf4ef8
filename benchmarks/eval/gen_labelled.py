#!/usr/bin/env python3
"""Labelled synthetic server-log corpus for the Lagotto accuracy evaluation.

This is our own project's shared generator ../shared/bench/gen_corpus.py (generator
version 1), copied here and extended: besides the log text it writes a labels file
(JSONL, one record per planted personal-data item and per planted decoy:
{"offset": byte offset, "length": bytes, "category": ..., "kind": "planted"|"decoy",
"line": 1-based line, "sub": optional sub-kind}). For planted items "category" is the
Lagotto category (DESIGN.md section 7); for decoys it is the trap kind (version_4part,
oid, uuid, ...). Labels ride in-band as markers that consume no randomness, so the
main and clean variants are byte-identical to gen_corpus.py's output for the same
arguments. Two variants are new: "eval" (main plus hand-written samples of real log
formats and the traps of issue 3) and "samples" (only those). See README.md here.

usage: gen_labelled.py --variant eval --size-mib 1 --out eval.log
       (writes eval.log, eval.log.labels.jsonl, eval.log.manifest.json)

The original description of gen_corpus.py follows.

Deterministic synthetic server-log corpus for the Lagotto throughput benchmarks.

Python 3 standard library only. Output is a pure function of (--seed, --variant,
--size-mib, generator version): the same arguments give byte-identical files
(random.Random seeded with a str, lists only -- no set/dict iteration order
dependence -- so PYTHONHASHSEED does not matter).

Variants
  main  : mixed nginx/apache access logs, JSON app logs, syslog/auth, log4j
          text logs and Java stack traces; about 1 planted PII item per ~3 lines,
          plus plenty of PII-looking negatives (versions, timestamps, UUIDs,
          hashes, durations, metrics, epoch-ms ids, histogram buckets).
  clean : the same kinds of log noise (and the same negatives) but PII-bearing
          templates are almost never used (~1 PII item per ~2000 lines).

Alongside the corpus a manifest JSON records the parameters, the SHA-256 of the
output, and the ground truth: counts of planted PII items per category and of
planted decoys per kind.

usage: gen_corpus.py --variant main --size-mib 256 --out data/main.log
"""
import argparse
import hashlib
import json
import random
import sys
import time

GENERATOR_VERSION = "1"
LABELS_VERSION = "1"

# ---------------------------------------------------------------------------
# Parameters (recorded verbatim in the manifest)
# ---------------------------------------------------------------------------
# Event weights: an "event" is one log record; stack-trace events are multi-line.
VARIANTS = {
    "main": {
        "event_weights": [
            ("nginx_access", 14),
            ("apache_access", 4),
            ("json_user", 10),      # PII-bearing JSON (user/email/phone/geo/ip)
            ("json_payment", 3),    # card/iban (sometimes masked -> negative)
            ("json_metrics", 14),   # negatives only
            ("json_k8s", 6),        # negatives only
            ("syslog_auth", 8),     # sshd lines with IPs
            ("syslog_misc", 10),    # kernel/dhcp/cron/postfix (some IP/MAC/email)
            ("log4j_info", 22),     # text app logs, mostly negatives, some PII
            ("java_stacktrace", 3), # multi-line; occasional PII in message
            ("gc_log", 6),          # negatives only
        ],
        # probability that an otherwise-PII-free template mentions a PII item
        "p_incidental_pii": 0.06,
        # probability that an access log line carries an email in the URL
        "p_access_email": 0.10,
        "p_access_ipv6": 0.12,
    },
    "clean": {
        "event_weights": [
            ("json_metrics", 24),
            ("json_k8s", 10),
            ("syslog_misc_clean", 12),
            ("log4j_info_clean", 34),
            ("java_stacktrace_clean", 4),
            ("gc_log", 10),
            ("rare_pii", 0.05),     # ~1 PII line per ~2000 events
        ],
        "p_incidental_pii": 0.0,
        "p_access_email": 0.0,
        "p_access_ipv6": 0.0,
    },
    # gen_labelled.py only: main's events plus the hand-written samples and the traps of issue 3
    "eval": {
        "event_weights": [
            ("nginx_access", 14),
            ("apache_access", 4),
            ("json_user", 10),
            ("json_payment", 3),
            ("json_metrics", 14),
            ("json_k8s", 6),
            ("syslog_auth", 8),
            ("syslog_misc", 10),
            ("log4j_info", 22),
            ("java_stacktrace", 3),
            ("gc_log", 6),
            ("sample", 30),
            ("trap", 20),
        ],
        "p_incidental_pii": 0.06,
        "p_access_email": 0.10,
        "p_access_ipv6": 0.12,
    },
    # gen_labelled.py only: the hand-written samples and the traps, nothing else
    "samples": {
        "event_weights": [("sample", 60), ("trap", 40)],
        "p_incidental_pii": 0.0,
        "p_access_email": 0.0,
        "p_access_ipv6": 0.0,
    },
}

FIRST = ["Maria", "John", "Wei", "Aisha", "Carlos", "Emma", "Olivia", "Liam", "Noah", "Sophia",
         "Lucas", "Mia", "Hiroshi", "Yuki", "Fatima", "Omar", "Anna", "Peter", "Elena", "Ivan",
         "Priya", "Rahul", "Chloe", "Hugo", "Lea", "Jan", "Eva", "Tom", "Sara", "David",
         "Laura", "Marco", "Giulia", "Pierre", "Camille", "Kofi", "Amara", "Mateo", "Valentina", "Noor",
         "Sven", "Ingrid", "Mohammed", "Leila", "Diego", "Lucia", "Arjun", "Mei", "Ben", "Grace"]
FIRST_U = ["José", "Zoë", "Łukasz", "Søren", "Chloé", "Björn", "Renée", "Jürgen", "Inés", "François"]
LAST = ["Lopez", "Smith", "Wang", "Khan", "Garcia", "Johnson", "Brown", "Müller", "Rossi", "Dubois",
        "Tanaka", "Sato", "Ahmed", "Ivanova", "Petrov", "Patel", "Sharma", "Martin", "Bernard", "Jansen",
        "de Vries", "Novak", "Kowalski", "Nielsen", "Larsen", "O'Brien", "Murphy", "Silva", "Santos", "Costa",
        "Nguyen", "Kim", "Park", "Chen", "Li", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
        "Okafor", "Mensah", "Haddad", "Cohen", "Levi", "Andersson", "Johansson", "Rodriguez", "Hernandez", "Moreau"]
LAST_U = ["Núñez", "Wójcik", "Øverby", "Čapek", "Gómez", "Åberg", "Doğan", "Schröder", "Peña", "Ruíz"]
DOMAINS = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.co.uk", "example.com", "example.org",
           "acme-corp.com", "mail.ru", "web.de", "gmx.net", "orange.fr", "libero.it", "proton.me",
           "icloud.com", "company.co.jp", "uni-hamburg.de", "student.ethz.ch", "yandex.ru", "qq.com", "shop.io"]
CITIES = [("Paris", 48.8566, 2.3522), ("London", 51.5072, -0.1276), ("New York", 40.7128, -74.0060),
          ("Tokyo", 35.6762, 139.6503), ("Sydney", -33.8688, 151.2093), ("Berlin", 52.5200, 13.4050),
          ("Sao Paulo", -23.5558, -46.6396), ("Lagos", 6.5244, 3.3792), ("Mumbai", 19.0760, 72.8777),
          ("Toronto", 43.6532, -79.3832), ("Madrid", 40.4168, -3.7038), ("Cape Town", -33.9249, 18.4241)]
UAS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.109 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2.1 Safari/605.1.15",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36",
    "curl/8.4.0", "python-requests/2.31.0", "Go-http-client/1.1", "okhttp/4.12.0",
    "Prometheus/2.48.1", "kube-probe/1.28", "Googlebot/2.1 (+http://www.google.com/bot.html)",
    "Apache-HttpClient/4.5.14 (Java/17.0.9)", "Wget/1.21.4",
]
METHODS = ["GET"] * 8 + ["POST"] * 3 + ["PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"]
STATUSES = [200] * 20 + [201, 204, 301, 302, 304, 304, 400, 401, 403, 404, 404, 409, 429, 500, 502, 503]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
HOSTS = ["web-1", "web-2", "api-3", "db-1", "edge-7", "worker-12", "bastion", "mail-1"]
PKGS = ["com.example.payments", "com.example.orders", "com.example.accounts", "com.example.search",
        "org.springframework.web.servlet", "org.hibernate.engine.jdbc", "io.netty.channel",
        "com.zaxxer.hikari.pool", "org.apache.kafka.clients.consumer", "com.fasterxml.jackson.databind"]
CLASSES = ["PaymentService", "OrderController", "AccountRepository", "SearchIndexer", "DispatcherServlet",
           "SqlExceptionHelper", "AbstractChannelHandlerContext", "HikariPool", "KafkaConsumer", "ObjectMapper",
           "RetryTemplate", "CacheManager", "TokenValidator", "InvoiceGenerator", "NotificationSender"]
METHODS_J = ["process", "handle", "invoke", "doFilter", "execute", "apply", "call", "run", "lambda$submit$0",
             "findById", "save", "serialize", "validate", "charge", "send", "poll", "onMessage"]
EXC = ["java.lang.IllegalStateException", "java.lang.NullPointerException", "java.net.SocketTimeoutException",
       "java.sql.SQLTransientConnectionException", "org.springframework.dao.DataIntegrityViolationException",
       "java.util.concurrent.TimeoutException", "com.fasterxml.jackson.core.JsonParseException",
       "java.io.IOException", "java.lang.IllegalArgumentException", "org.apache.kafka.common.errors.TimeoutException"]
THREADS = ["main", "http-nio-8080-exec-%d", "pool-%d-thread-1", "scheduling-1", "kafka-consumer-%d",
           "ForkJoinPool.commonPool-worker-%d", "HikariPool-1 housekeeper", "reactor-http-epoll-%d"]
LEVELS = ["INFO"] * 12 + ["DEBUG"] * 6 + ["WARN"] * 3 + ["ERROR"]
WORDS = ["cache", "miss", "hit", "retry", "scheduled", "completed", "started", "shutdown", "flush", "commit",
         "rebalance", "partition", "offset", "token", "refresh", "session", "expired", "request", "response",
         "timeout", "queue", "batch", "index", "shard", "replica", "snapshot", "compaction", "lease", "heartbeat"]
CURRENCIES = ["EUR", "USD", "GBP", "JPY", "CHF", "SEK"]
IBAN_SPECS = [("DE", "n18"), ("GB", "a4n14"), ("FR", "n23"), ("ES", "n20"), ("NL", "a4n10"), ("IT", "a1n22"),
              ("BE", "n12"), ("CH", "n17")]
PII_CATS = ["email", "ipv4", "ipv6", "geo", "phone", "credit_card", "iban", "us_ssn", "mac", "person_name",
            "email_urlencoded"]


# ---------------------------------------------------------------------------
# Reserved values for the hand-written samples
# ---------------------------------------------------------------------------
DOC_V4 = ["192.0.2.", "198.51.100.", "203.0.113."]                  # RFC 5737
EX_DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "corp.example.org"]  # RFC 2606
TEST_CARDS = ["4111111111111111", "4012888888881881", "4242424242424242", "5555555555554444", "5105105105105100",
              "2223003122003222", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
              "3530111333300000", "3566002020360505"]                # payment processors' published test numbers
TEST_IBANS = ["GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300",
              "ES9121000418450200051332", "IT60X0542811101000000123456", "BE68539007547034", "CH9300762011623852957"]
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
SAMPLE_KINDS = ["sm_nginx_combined", "sm_apache_combined", "sm_syslog_5424", "sm_postfix", "sm_sshd", "sm_aws_elb",
                "sm_cloudfront", "sm_gpx", "sm_kml", "sm_geojson", "sm_nmea", "sm_http_headers", "sm_csv_export",
                "sm_java_stacktrace", "sm_k8s_json", "sm_app_json", "sm_geo_text", "sm_mail_headers",
                "sm_hr_tsv_export", "sm_excel_semicolon", "sm_birth_text", "sm_ipv6_forms", "sm_phone_forms",
                "sm_dpkg_log", "sm_apt_history", "sm_apt_term", "sm_apt_get", "sm_ip_ranges"]
# Made-up Debian package names for the dpkg/apt samples (not real packages).
DEB_PKGS = ["libexample1", "libsample-data", "example-tools", "python3-sample", "libdemo-perl", "fonts-example",
            "libwidget2", "sample-common", "libexamplecodec58", "demo-daemon"]
DEB_ARCHS = ["amd64"] * 5 + ["all", "arm64"]
# Hand-written people for the samples (not drawn from FIRST/LAST, so that the name dictionaries are measured on
# names the rules were not written against): given name, family name as people write them.
SAMPLE_PEOPLE = [("Haruto", "Sato"), ("Yui", "Takahashi"), ("Ji-woo", "Kim"), ("Min-seo", "Park"), ("Wei", "Zhang"),
                 ("Xiu", "Liu"), ("Thi Lan", "Nguyen"), ("Yosef", "Cohen"), ("Noa", "Levi"), ("Chiamaka", "Okafor"),
                 ("Kwame", "Mensah"), ("Amadou", "Diallo"), ("Fatima", "al-Sayed"), ("Omar", "Haddad"),
                 ("Siobhan", "O'Brien"), ("Ciaran", "McCarthy"), ("Pieter", "van der Berg"), ("Anneke", "de Jong"),
                 ("Giulia", "di Stefano"), ("Jean-Luc", "Dubois"), ("Mehmet", "Yilmaz"), ("Priya", "Raghunathan"),
                 ("Arjun", "Iyer"), ("Lars", "Nilsson"), ("Zofia", "Wiśniewska"), ("José", "Rodríguez"),
                 ("Ana", "dos Santos"), ("Ingrid", "von Essen"), ("Tomasz", "Kowalczyk"), ("Aoife", "Byrne")]


def luhn_complete(body):
    """body followed by its Luhn check digit"""
    s = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        s += v
    return body + str((10 - s % 10) % 10)


# ---------------------------------------------------------------------------
# Labels. Generators return values wrapped in in-band markers that never occur in log text:
#   MARK_PII category[/sub] MARK_SEP value MARK_END      a planted personal-data item
#   MARK_DECOY kind MARK_SEP value MARK_END              a planted look-alike (decoy)
# write_line() strips them and records (byte offset, byte length) of each value. Markers consume no
# randomness, so the main/clean output stays byte-identical to gen_corpus.py.
# ---------------------------------------------------------------------------
MARK_PII = "\x01"
MARK_DECOY = "\x02"
MARK_SEP = "\x1f"
MARK_END = "\x03"


def lab(category, value, sub=None):
    """value labelled as a planted item of a Lagotto category (DESIGN.md section 7)"""
    return MARK_PII + category + ("/" + sub if sub else "") + MARK_SEP + value + MARK_END


def dec(kind, value):
    """value labelled as a decoy (look-alike) of the given kind"""
    return MARK_DECOY + kind + MARK_SEP + value + MARK_END


def kuptime(sec, usec):
    return dec("kernel_uptime", "[%d.%06d]" % (sec, usec))


def label_ipv4(v):
    """127/8 is loopback: not reported by default (issue 3), hence a decoy; sub-kinds for private/link-local"""
    if v.startswith("127."):
        return dec("ipv4_loopback", v)
    a, b = (int(x) for x in v.split(".")[:2])
    if a == 10 or (a == 192 and b == 168) or (a == 172 and 16 <= b < 32) or (a == 100 and 64 <= b < 128):
        return lab("ipv4", v, "private")
    if a == 169 and b == 254:
        return lab("ipv4", v, "link_local")
    if a in (0, 192, 198) or a >= 224:
        return lab("ipv4", v, "special_purpose")
    return lab("ipv4", v)


def ipv6_sub(v):
    """the shape/class of a generated IPv6 address, so the report can say which kinds are missed"""
    if v.startswith("::ffff:"):
        return "ipv4_mapped"
    if v.startswith("fe80:"):
        return "link_local"
    if v.lower().startswith(("2001:db8:", "2001:0db8:")):
        return "documentation"
    if "::" not in v:
        return "full_global" if 0x2000 <= int(v[:4], 16) < 0x4000 else "full_unallocated"
    return None


def phone_sub(v):
    """the format of a generated phone number"""
    for prefix, sub in (("+1", "e164_us"), ("+447", "e164_uk_mobile"), ("+44 ", "intl_uk"), ("+33 ", "intl_fr"),
                        ("+49 ", "intl_de"), ("(", "nanp_parens"), ("0", "fr_national")):
        if v.startswith(prefix):
            return sub
    return "nanp_dashed"


def strip_labels(line):
    """(text without markers, [(offset_in_bytes, length_in_bytes, marker, name)]) for one line"""
    out = []
    spans = []
    stack = []
    pos = 0
    i = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == MARK_PII or ch == MARK_DECOY:
            j = line.index(MARK_SEP, i)
            stack.append((ch, line[i + 1:j].lower(), pos))
            i = j + 1
            continue
        if ch == MARK_END:
            mark, name, start = stack.pop()
            spans.append((start, pos - start, mark, name))
            i += 1
            continue
        j = i
        while j < n and line[j] not in MARKS:
            j += 1
        piece = line[i:j]
        out.append(piece)
        pos += len(piece.encode("utf-8"))
        i = j
    if stack:
        raise ValueError("unbalanced label markers in generated line")
    spans.sort()
    return "".join(out), spans


MARKS = (MARK_PII, MARK_DECOY, MARK_END)


class Gen:
    def __init__(self, seed, variant):
        self.r = random.Random("%s:%s" % (seed, variant))
        self.variant = variant
        self.p = VARIANTS[variant]
        self.truth = {c: 0 for c in PII_CATS}
        self.decoys = {}
        # simulated clock: 2024-03-15 00:00:00 UTC
        self.t = 1710460800.0
        self._sec = -1
        self._tm = None
        self.lines = 0
        self.last_city = CITIES[0][0]

    # ---------------- bookkeeping ----------------
    def pii(self, cat, n=1):
        self.truth[cat] += n

    def decoy(self, kind, n=1):
        self.decoys[kind] = self.decoys.get(kind, 0) + n

    # ---------------- time ----------------
    def tick(self):
        self.t += self.r.random() * 0.004
        s = int(self.t)
        if s != self._sec:
            self._sec = s
            self._tm = time.gmtime(s)
        return self._tm, int((self.t - s) * 1000)

    def ts_iso(self):
        tm, ms = self.tick()
        return dec("timestamp", "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ" % (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms))

    def ts_log4j(self):
        tm, ms = self.tick()
        return dec("timestamp", "%04d-%02d-%02d %02d:%02d:%02d,%03d" % (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms))

    def ts_clf(self):
        tm, _ = self.tick()
        return dec("timestamp", "%02d/%s/%04d:%02d:%02d:%02d +0000" % (tm.tm_mday, MONTHS[tm.tm_mon - 1], tm.tm_year, tm.tm_hour, tm.tm_min, tm.tm_sec))

    def ts_syslog(self):
        tm, _ = self.tick()
        return dec("timestamp", "%s %2d %02d:%02d:%02d" % (MONTHS[tm.tm_mon - 1], tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec))

    # ---------------- PII generators (each counts itself) ----------------
    def name(self):
        r = self.r
        f = r.choice(FIRST_U) if r.random() < 0.08 else r.choice(FIRST)
        l = r.choice(LAST_U) if r.random() < 0.08 else r.choice(LAST)
        self.pii("person_name")
        return lab("person_name", "%s %s" % (f, l))

    def _email_raw(self):
        r = self.r
        f = r.choice(FIRST).lower()
        l = r.choice(LAST).lower().replace(" ", "").replace("'", "").replace("ü", "ue")
        k = r.randrange(5)
        if k == 0:
            local = "%s.%s" % (f, l)
        elif k == 1:
            local = "%s%s%d" % (f[0], l, r.randrange(100))
        elif k == 2:
            local = "%s_%s%02d" % (f, l, r.randrange(100))
        elif k == 3:
            local = "%s+%s" % (f, r.choice(["news", "shop", "test", "billing"]))
        else:
            local = "%s.%s%d" % (l, f[0], r.randrange(1000))
        return "%s@%s" % (local, r.choice(DOMAINS))

    def email(self):
        self.pii("email")
        return lab("email", self._email_raw())

    def email_urlenc(self):
        self.pii("email_urlencoded")
        return lab("email", self._email_raw().replace("@", "%40").replace("+", "%2B"), "email_urlencoded")

    def ipv4(self):
        return label_ipv4(self._ipv4_raw())

    def _ipv4_raw(self):
        r = self.r
        self.pii("ipv4")
        k = r.random()
        if k < 0.15:
            return "10.%d.%d.%d" % (r.randrange(256), r.randrange(256), r.randrange(1, 255))
        if k < 0.22:
            return "192.168.%d.%d" % (r.randrange(256), r.randrange(1, 255))
        return "%d.%d.%d.%d" % (r.choice([r.randrange(1, 224), r.randrange(11, 200)]), r.randrange(256),
                                r.randrange(256), r.randrange(1, 255))

    def ipv6(self):
        v = self._ipv6_raw()
        return dec("ipv6_loopback", v) if v == "::1" else lab("ipv6", v, ipv6_sub(v))

    def _ipv6_raw(self):
        r = self.r
        self.pii("ipv6")
        k = r.random()
        g = lambda: "%x" % r.randrange(0x10000)
        if k < 0.15:   # full, zero padded
            return ":".join("%04x" % r.randrange(0x10000) for _ in range(8))
        if k < 0.25:
            return "::1" if r.random() < 0.5 else "::ffff:%x:%x" % (r.randrange(0x10000), r.randrange(0x10000))
        if k < 0.45:   # link local
            return "fe80::%s:%s:%s:%s" % (g(), g(), g(), g())
        if k < 0.75:   # 2001:db8:x:y::z style
            return "2001:db8:%s:%s::%s" % (g(), g(), g())
        return "2a0%d:%s:%s:%s:%s::%s" % (r.randrange(10), g(), g(), g(), g(), g())

    def phone(self):
        v = self._phone_raw()
        return lab("phone", v, phone_sub(v))

    def _phone_raw(self):
        r = self.r
        self.pii("phone")
        k = r.randrange(8)
        d = lambda n: "".join(str(r.randrange(10)) for _ in range(n))
        if k == 0:
            return "+1%d%s%d%s" % (r.randrange(2, 10), d(2), r.randrange(2, 10), d(6))        # E.164 US
        if k == 1:
            return "+44%s" % ("7" + d(9))                                                   # E.164 UK mobile
        if k == 2:
            return "(%d%s) %d%s-%s" % (r.randrange(2, 10), d(2), r.randrange(2, 10), d(2), d(4))
        if k == 3:
            return "%d%s-%d%s-%s" % (r.randrange(2, 10), d(2), r.randrange(2, 10), d(2), d(4))
        if k == 4:
            return "+44 20 %s %s" % (d(4), d(4))
        if k == 5:
            return "+33 %d %s %s %s %s" % (r.randrange(1, 10), d(2), d(2), d(2), d(2))
        if k == 6:
            return "+49 30 %s" % d(8)
        return "0%d %s %s %s %s" % (r.randrange(1, 8), d(2), d(2), d(2), d(2))              # FR national

    def card(self, masked_ok=True):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            digits, ln = "4", 16
        elif k == 1:
            digits, ln = str(r.randrange(51, 56)), 16
        elif k == 2:
            digits, ln = r.choice(["34", "37"]), 15
        else:
            digits, ln = "6011", 16
        while len(digits) < ln - 1:
            digits += str(r.randrange(10))
        # Luhn check digit
        s = 0
        for i, ch in enumerate(reversed(digits)):
            v = int(ch)
            if i % 2 == 0:
                v *= 2
                if v > 9:
                    v -= 9
            s += v
        digits += str((10 - s % 10) % 10)
        if masked_ok and r.random() < 0.35:
            self.decoy("masked_card")
            return dec("masked_card", "**** **** **** " + digits[-4:])
        self.pii("credit_card")
        sep = r.choice(["", " ", "-"])
        if ln == 15:
            return lab("credit_card", sep.join([digits[:4], digits[4:10], digits[10:]]))
        return lab("credit_card", sep.join(digits[i:i + 4] for i in range(0, 16, 4)))

    def iban(self):
        r = self.r
        self.pii("iban")
        cc, spec = r.choice(IBAN_SPECS)
        bban = ""
        i = 0
        while i < len(spec):
            kind = spec[i]
            j = i + 1
            while j < len(spec) and spec[j].isdigit():
                j += 1
            n = int(spec[i + 1:j])
            if kind == "n":
                bban += "".join(str(r.randrange(10)) for _ in range(n))
            else:
                bban += "".join(chr(65 + r.randrange(26)) for _ in range(n))
            i = j
        num = "".join(str(int(ch, 36)) for ch in bban + cc + "00")
        check = 98 - int(num) % 97
        iban = "%s%02d%s" % (cc, check, bban)
        if r.random() < 0.5:
            return lab("iban", " ".join(iban[i:i + 4] for i in range(0, len(iban), 4)))
        return lab("iban", iban)

    def ssn(self):
        r = self.r
        self.pii("us_ssn")
        while True:
            a = r.randrange(1, 900)
            if a != 666:
                break
        return lab("national_id", "%03d-%02d-%04d" % (a, r.randrange(1, 100), r.randrange(1, 10000)), "us_ssn")

    def mac(self):
        r = self.r
        self.pii("mac")
        b = [r.randrange(256) for _ in range(6)]
        k = r.randrange(4)
        if k == 0:
            return lab("mac_address", ":".join("%02x" % x for x in b))
        if k == 1:
            return lab("mac_address", ":".join("%02X" % x for x in b))
        if k == 2:
            return lab("mac_address", "-".join("%02X" % x for x in b))
        return lab("mac_address", "%02x%02x.%02x%02x.%02x%02x" % tuple(b))

    def geo_pair(self):
        """returns (lat, lon) strings; caller decides the layout. counts 1 geo item"""
        r = self.r
        self.pii("geo")
        city, la, lo = r.choice(CITIES)
        self.last_city = city
        nd = r.choice([4, 4, 5, 6])
        lat = la + (r.random() - 0.5) * 0.2
        lon = lo + (r.random() - 0.5) * 0.2
        return (MARK_PII + "geo_coordinates" + MARK_SEP + "%.*f" % (nd, lat), "%.*f" % (nd, lon) + MARK_END)

    def incidental_pii(self):
        """a short text fragment with exactly one PII item"""
        r = self.r
        k = r.randrange(10)
        if k == 0:
            return "customer=%s" % self.email()
        if k == 1:
            return "client_ip=%s" % self.ipv4()
        if k == 2:
            return "sms to %s" % self.phone()
        if k == 3:
            return "card %s" % self.card(masked_ok=False)
        if k == 4:
            return "refund to IBAN %s" % self.iban()
        if k == 5:
            return "ssn_check=%s" % self.ssn()
        if k == 6:
            return "device mac %s" % self.mac()
        if k == 7:
            la, lo = self.geo_pair()
            return "pos=%s,%s" % (la, lo)
        if k == 8:
            return "peer %s" % self.ipv6()
        return "notify %s" % self.email()

    # ---------------- decoy generators ----------------
    def version4(self):
        r = self.r
        self.decoy("version_4part")
        return dec("version_4part", "%d.%d.%d.%d" % (r.randrange(1, 20), r.randrange(0, 30), r.randrange(0, 200), r.randrange(0, 50)))

    def version3(self):
        r = self.r
        return dec("version_3part", "%d.%d.%d" % (r.randrange(0, 12), r.randrange(0, 40), r.randrange(0, 300)))

    def _uuid_raw(self):
        h = "%032x" % self.r.getrandbits(128)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], "89ab"[self.r.randrange(4)], h[17:20], h[20:32])

    def uuid(self):
        return dec("uuid", self._uuid_raw())

    def session_uuid(self):
        """a UUID under a "session" key: a session token, so personal data (session_id)"""
        return lab("session_id", self._uuid_raw(), "json_session_key")

    def ua(self):
        """a User-Agent: browser strings (Mozilla/...) are personal data, CLI/bot clients are look-alikes"""
        v = self.r.choice(UAS)
        return lab("user_agent", v) if v.startswith("Mozilla/") else dec("client_user_agent", v)

    def hexid(self, n):
        return dec("hex_id", "%0*x" % (n, self.r.getrandbits(4 * n)))

    def epoch_ms(self):
        self.decoy("epoch_ms_13digit")
        return dec("epoch_ms", "%d" % int(self.t * 1000 + self.r.randrange(-5000, 5000)))

    def buckets(self):
        self.decoy("histogram_buckets")
        return dec("histogram_buckets", "[0.005,0.010,0.025,0.050,0.100,0.250,0.500,1.000,2.500]")

    def dur(self):
        return dec("duration", self._dur_raw())

    def _dur_raw(self):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return "%dms" % r.randrange(1, 5000)
        if k == 1:
            return "%.3fs" % (r.random() * 30)
        if k == 2:
            return "%.3fms" % (r.random() * 800)
        return "PT%.3fS" % (r.random() * 10)

    def metric(self):
        return dec("metric_value", "%.3f" % (self.r.random() * 1000))

    # ---------------- event templates ----------------
    def access_client(self):
        if self.r.random() < self.p["p_access_ipv6"]:
            return self.ipv6()
        return self.ipv4()

    def access_path(self):
        r = self.r
        k = r.random()
        pe = self.p["p_access_email"]
        if k < pe * 0.55:
            return "/api/v1/users/lookup?email=%s&src=web" % self.email()
        if k < pe * 0.8:
            return "/newsletter/subscribe?email=%s&list=%d" % (self.email_urlenc(), r.randrange(100))
        if k < pe:
            return "/users/%s/profile" % self.email()
        k = r.randrange(8)
        if k == 0:
            return "/api/v1/orders/%d" % r.randrange(10 ** 6, 10 ** 9)
        if k == 1:
            return "/static/js/app.%s.js" % self.hexid(8)
        if k == 2:
            return "/api/v2/items?page=%d&size=%d&sort=price,desc" % (r.randrange(50), r.choice([20, 50, 100]))
        if k == 3:
            return "/health"
        if k == 4:
            return "/api/v1/sessions/%s" % self.uuid()
        if k == 5:
            return "/search?q=%s+%s&lang=en" % (r.choice(WORDS), r.choice(WORDS))
        if k == 6:
            return "/download/release-%s.tar.gz" % self.version4()
        return "/metrics"

    def ev_nginx_access(self):
        r = self.r
        ip = self.access_client()
        st = r.choice(STATUSES)
        return ['%s - - [%s] "%s %s HTTP/%s" %d %d "%s" "%s" rt=%.3f uct="%.3f" urt="%.3f" req_id=%s' % (
            ip, self.ts_clf(), r.choice(METHODS), self.access_path(), r.choice(["1.1", "1.1", "2.0"]), st,
            r.randrange(0, 200000), r.choice(["-", "https://www.example.com/", "https://www.google.com/"]),
            self.ua(), r.random() * 2, r.random() * 0.01, r.random() * 2, self.hexid(32))]

    def ev_apache_access(self):
        r = self.r
        ip = self.access_client()
        user = "-"
        if r.random() < 0.05:
            user = self.email()
        return ['%s - %s [%s] "%s %s HTTP/1.1" %d %d' % (ip, user, self.ts_clf(), r.choice(METHODS),
                                                      self.access_path(), r.choice(STATUSES), r.randrange(0, 90000))]

    def ev_json_user(self):
        r = self.r
        k = r.randrange(5)
        ts = self.ts_iso()
        if k == 0:
            return ['{"ts":"%s","level":"INFO","svc":"account","msg":"user login","user":"%s","email":"%s","ip":"%s","session":"%s","latency_ms":%s}' % (
                ts, self.name(), self.email(), self.ipv4(), self.session_uuid(), self.metric())]
        if k == 1:
            la, lo = self.geo_pair()
            return ['{"ts":"%s","level":"INFO","svc":"profile","event":"profile.update","user_id":%d,"user":"%s","phone":"%s","address":{"city":"%s","lat":%s,"lon":%s},"trace_id":"%s"}' % (
                ts, r.randrange(10 ** 5, 10 ** 7), self.name(), self.phone(), self.last_city, la, lo, self.hexid(32))]
        if k == 2:
            la, lo = self.geo_pair()
            return ['{"ts":"%s","level":"DEBUG","svc":"delivery","event":"courier.position","courier_id":%d,"position":"%s, %s","speed_kmh":%s,"battery":0.%02d}' % (
                ts, r.randrange(1000, 99999), la, lo, self.metric(), r.randrange(100))]
        if k == 3:
            return ['{"ts":"%s","level":"WARN","svc":"auth","msg":"password reset requested","email":"%s","client":"%s","ua":"%s"}' % (
                ts, self.email(), self.ipv6() if r.random() < 0.3 else self.ipv4(), self.ua())]
        return ['{"ts":"%s","level":"INFO","svc":"crm","event":"contact.created","contact":{"name":"%s","email":"%s","phone":"%s"},"owner_id":%d}' % (
            ts, self.name(), self.email(), self.phone(), r.randrange(1, 500))]

    def ev_json_payment(self):
        r = self.r
        ts = self.ts_iso()
        if r.random() < 0.7:
            return ['{"ts":"%s","level":"INFO","svc":"payments","event":"payment.authorized","order_id":%s,"amount":%d.%02d,"currency":"%s","card":"%s","auth_ms":%s}' % (
                ts, self.epoch_ms(), r.randrange(1, 900), r.randrange(100), r.choice(CURRENCIES), self.card(), self.metric())]
        return ['{"ts":"%s","level":"INFO","svc":"payouts","event":"payout.created","payee":"%s","iban":"%s","amount":%d.%02d,"currency":"EUR"}' % (
            ts, self.name(), self.iban(), r.randrange(1, 9000), r.randrange(100))]

    def ev_json_metrics(self):
        r = self.r
        ts = self.ts_iso()
        k = r.randrange(3)
        if k == 0:
            return ['{"ts":"%s","metric":"http_server_requests_seconds","uri":"/api/v1/orders","p50":%s,"p95":%s,"p99":%s,"count":%d,"buckets":%s}' % (
                ts, self.metric(), self.metric(), self.metric(), r.randrange(10 ** 6), self.buckets())]
        if k == 1:
            return ['{"ts":"%s","svc":"%s","version":"%s","build":"%s","commit":"%s","uptime_s":%d,"heap_used_mb":%s,"cpu":%s}' % (
                ts, r.choice(["orders", "search", "billing"]), self.version4(), self.version3(), self.hexid(40),
                r.randrange(10 ** 7), self.metric(), self.metric())]
        inc = ""
        if r.random() < self.p["p_incidental_pii"]:
            inc = ',"note":"%s"' % self.incidental_pii()
        return ['{"ts":"%s","trace_id":"%s","span_id":"%s","parent":"%s","name":"%s","duration":"%s","tags":{"db.rows":%d,"retry":%d}%s}' % (
            ts, self.hexid(32), self.hexid(16), self.hexid(16), r.choice(WORDS), self.dur(), r.randrange(10000), r.randrange(4), inc)]

    def ev_json_k8s(self):
        r = self.r
        a, b, c = r.randrange(256), r.randrange(256), r.randrange(256)
        self.decoy("hostname_with_dashed_ip")
        return ['{"ts":"%s","kubernetes":{"pod":"api-%s-%s","namespace":"prod","node":"%s","container_id":"containerd://%s"},"stream":"stdout","log":"%s %s in %s"}' % (
            self.ts_iso(), self.hexid(10), self.hexid(5), dec("hostname_with_dashed_ip", "ip-10-%d-%d-%d.ec2.internal" % (a, b, c)), self.hexid(64), r.choice(WORDS), r.choice(WORDS), self.dur())]

    def ev_syslog_auth(self):
        r = self.r
        h = r.choice(HOSTS)
        pid = r.randrange(1000, 65000)
        ts = self.ts_syslog()
        k = r.randrange(6)
        if k == 0:
            return ["%s %s sshd[%d]: Failed password for root from %s port %d ssh2" % (ts, h, pid, self.ipv4(), r.randrange(1024, 65536))]
        if k == 1:
            return ["%s %s sshd[%d]: Failed password for invalid user %s from %s port %d ssh2" % (
                ts, h, pid, r.choice(["admin", "oracle", "test", "ubuntu", "git", "postgres"]), self.ipv4(), r.randrange(1024, 65536))]
        if k == 2:
            return ["%s %s sshd[%d]: Accepted publickey for deploy from %s port %d ssh2: ED25519 SHA256:%s" % (
                ts, h, pid, self.ipv4(), r.randrange(1024, 65536), self.hexid(43))]
        if k == 3:
            return ["%s %s sshd[%d]: Disconnected from authenticating user root %s port %d [preauth]" % (
                ts, h, pid, self.ipv4(), r.randrange(1024, 65536))]
        if k == 4:
            return ["%s %s sshd[%d]: Connection closed by %s port %d [preauth]" % (ts, h, pid, self.ipv6(), r.randrange(1024, 65536))]
        return ["%s %s sshd[%d]: pam_unix(sshd:session): session opened for user deploy(uid=%d) by (uid=0)" % (
            ts, h, pid, r.randrange(1000, 2000))]

    def ev_syslog_misc(self, clean=False):
        r = self.r
        h = r.choice(HOSTS)
        ts = self.ts_syslog()
        k = r.randrange(8)
        if not clean and k == 0:
            return ["%s %s dhcpd[%d]: DHCPACK on %s to %s (%s) via eth0" % (
                ts, h, r.randrange(300, 9000), self.ipv4(), self.mac(), r.choice(["laptop-7", "android-3f2a", "iphone"]))]
        if not clean and k == 1:
            return ["%s %s postfix/smtpd[%d]: %s: to=<%s>, relay=%s[%s]:25, delay=%.2f, status=sent (250 2.0.0 OK)" % (
                ts, h, r.randrange(300, 9000), self.hexid(10).upper(), self.email(), "mx.example.net", self.ipv4(), r.random() * 3)]
        if not clean and k == 2:
            self.pii("mac", 2)
            src = self.ipv4()
            m1 = ":".join("%02x" % r.randrange(256) for _ in range(6))
            m2 = ":".join("%02x" % r.randrange(256) for _ in range(6))
            return ["%s %s kernel: %s [UFW BLOCK] IN=eth0 OUT= MAC=%s SRC=%s DST=%s LEN=60 TOS=0x00 PREC=0x00 TTL=%d ID=%d DF PROTO=TCP SPT=%d DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0" % (
                ts, h, kuptime(r.randrange(10 ** 6), r.randrange(10 ** 6)), dec("iptables_mac_field", "%s:%s:08:00" % (m1, m2)), src, self.ipv4(), r.randrange(30, 64), r.randrange(65536), r.randrange(1024, 65536))]
        if k == 3 or (clean and k < 3):
            self.decoy("kernel_uptime_decimal")
            return ["%s %s kernel: %s e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None" % (
                ts, h, kuptime(r.randrange(10 ** 6), r.randrange(10 ** 6)))]
        if k == 4:
            return ["%s %s systemd[1]: Started Session %d of User deploy." % (ts, h, r.randrange(1, 99999))]
        if k == 5:
            return ["%s %s CRON[%d]: (root) CMD (/usr/local/bin/backup.sh --since %s)" % (ts, h, r.randrange(300, 60000), self.epoch_ms())]
        if k == 6:
            return ["%s %s systemd[1]: %s.service: Consumed %s CPU time, memory peak %.1fM." % (
                ts, h, r.choice(["nginx", "postgresql", "docker", "kubelet"]), self.dur(), r.random() * 900)]
        return ["%s %s dockerd[%d]: time=\"%s\" level=info msg=\"ignoring event\" container=%s module=libcontainerd namespace=moby" % (
            ts, h, r.randrange(300, 9000), self.ts_iso(), self.hexid(64))]

    def thread(self):
        t = self.r.choice(THREADS)
        return t % self.r.randrange(1, 40) if "%d" in t else t

    def logger(self):
        r = self.r
        p = r.choice(PKGS)
        return "%s.%s" % (".".join(x[0] for x in p.split(".")[:-1]) + "." + p.split(".")[-1], r.choice(CLASSES))

    def ev_log4j_info(self, clean=False):
        r = self.r
        pre = "%s %-5s [%s] %s - " % (self.ts_log4j(), r.choice(LEVELS), self.thread(), self.logger())
        k = r.randrange(10)
        if k == 0:
            msg = "Reindexed %d docs in %d ms (version %s, build %s)" % (r.randrange(10 ** 6), r.randrange(10 ** 5), self.version4(), self.hexid(7))
        elif k == 1:
            msg = "GET https://api.partner-%d.com/v2/items/%d -> %d in %s" % (r.randrange(9), r.randrange(10 ** 6), r.choice(STATUSES), self.dur())
        elif k == 2:
            msg = "Order %s created for customer %d, total=%d.%02d %s" % (self.epoch_ms(), r.randrange(10 ** 6), r.randrange(1000), r.randrange(100), r.choice(CURRENCIES))
        elif k == 3:
            msg = "%s-%d - Pool stats (total=%d, active=%d, idle=%d, waiting=%d)" % ("HikariPool", r.randrange(1, 4), 10, r.randrange(10), r.randrange(10), r.randrange(3))
        elif k == 4:
            self.decoy("uuid")
            msg = "Request %s completed status=%d duration=%s bytes=%d" % (self.uuid(), r.choice(STATUSES), self.dur(), r.randrange(10 ** 6))
        elif k == 5:
            msg = "Consumer group %s rebalanced: partitions=[%s], offset=%d, lag=%d" % (
                r.choice(WORDS), ",".join(str(r.randrange(64)) for _ in range(r.randrange(1, 6))), r.randrange(10 ** 9), r.randrange(5000))
        elif k == 6:
            msg = "Loaded config from /etc/app/%s.yaml (sha256=%s) in %s" % (r.choice(WORDS), self.hexid(64), self.dur())
        elif k == 7:
            msg = "Cache %s: size=%d hitRatio=%.4f evictions=%d avgLoad=%s" % (r.choice(WORDS), r.randrange(10 ** 5), r.random(), r.randrange(1000), self.dur())
        elif k == 8 and not clean:
            kk = r.randrange(4)
            if kk == 0:
                msg = "Sending verification SMS to %s for user %s" % (self.phone(), self.email())
            elif kk == 1:
                msg = "Refund %d issued to IBAN %s (%s)" % (r.randrange(10 ** 6), self.iban(), self.name())
            elif kk == 2:
                msg = "KYC check passed for %s, ssn=%s" % (self.name(), self.ssn())
            else:
                msg = "Charging card %s amount=%d.%02d" % (self.card(), r.randrange(500), r.randrange(100))
        else:
            msg = "Scheduled task %s finished in %s, next run at %s" % (r.choice(WORDS), self.dur(), self.ts_iso())
        if r.random() < self.p["p_incidental_pii"]:
            msg += " " + self.incidental_pii()
        return [pre + msg]

    def ev_java_stacktrace(self, clean=False):
        r = self.r
        pre = "%s ERROR [%s] %s - " % (self.ts_log4j(), self.thread(), self.logger())
        exc = r.choice(EXC)
        if not clean and r.random() < 0.25:
            k = r.randrange(3)
            if k == 0:
                msg = "User not found: %s" % self.email()
            elif k == 1:
                msg = "Connection refused to %s:5432" % self.ipv4()
            else:
                msg = "Duplicate key for phone %s" % self.phone()
        else:
            k = r.randrange(5)
            if k == 0:
                msg = "Read timed out after %s" % self.dur()
            elif k == 1:
                msg = "Unexpected token at offset %d" % r.randrange(10 ** 5)
            elif k == 2:
                msg = "Connection is not available, request timed out after %dms." % r.randrange(30000)
            elif k == 3:
                msg = "null"
            else:
                msg = "Invalid state transition PENDING -> SETTLED for %s" % self.uuid()
        lines = [pre + "Request processing failed", "%s: %s" % (exc, msg)]
        for _ in range(r.randrange(6, 30)):
            p = r.choice(PKGS)
            c = r.choice(CLASSES)
            if r.random() < 0.1:
                lines.append("\tat %s.%s$$EnhancerBySpringCGLIB$$%s.%s(<generated>)" % (p, c, self.hexid(8), r.choice(METHODS_J)))
            else:
                lines.append("\tat %s.%s.%s(%s.java:%d)" % (p, c, r.choice(METHODS_J), c, r.randrange(20, 2000)))
        if r.random() < 0.5:
            lines.append("Caused by: %s: %s" % (r.choice(EXC), r.choice(["Read timed out", "Broken pipe", "socket closed"])))
            for _ in range(r.randrange(2, 8)):
                lines.append("\tat java.base/java.net.SocketInputStream.socketRead0(Native Method)")
            lines.append("\t... %d more" % r.randrange(10, 80))
        return lines

    def ev_gc_log(self):
        r = self.r
        a = r.randrange(200, 4000)
        return ["[%s][%.3fs][info][gc] GC(%d) Pause Young (Normal) (G1 Evacuation Pause) %dM->%dM(%dM) %.3fms" % (
            self.ts_iso(), r.random() * 90000, r.randrange(100000), a, a // 3, 4096, r.random() * 50)]

    def ev_rare_pii(self):
        return ["%s INFO  [main] c.e.audit.AuditLog - manual override by %s" % (self.ts_log4j(), self.incidental_pii())]

    # =======================================================================================================
    # Hand-written samples (variants "eval" and "samples"). Each template is written out from the public
    # documentation of its format (cited per template); every personal value is synthetic or reserved
    # (RFC 2606 domains, RFC 5737/3849 addresses, RFC 7042 MACs, published test cards and IBANs, 555-01xx /
    # 020 7946 0xxx / 01 99 00 xx xx phone numbers, generated names) and labelled; look-alikes are decoys.
    # =======================================================================================================

    # ---------------- reserved / synthetic values (each labels itself) ----------------
    def rv_ipv4(self):
        return lab("ipv4", self.r.choice(DOC_V4) + str(self.r.randrange(1, 255)), "documentation")

    def rv_ipv6(self):
        r = self.r
        k = r.randrange(4)
        if k == 0:
            v = "2001:db8::%x" % r.randrange(1, 0x10000)
        elif k == 1:
            v = "2001:db8:%x:%x::%x" % (r.randrange(0x10000), r.randrange(0x10000), r.randrange(1, 0x10000))
        elif k == 2:
            v = "2001:0db8:%04x:%04x:%04x:%04x:%04x:%04x" % tuple(r.randrange(0x10000) for _ in range(6))
        else:
            v = "2001:db8::ffff:" + r.choice(DOC_V4) + str(r.randrange(1, 255))
        return lab("ipv6", v)

    def rv_email(self, display=False):
        r = self.r
        f, last = r.choice(FIRST), r.choice(LAST)
        l = last.replace(" ", "").replace("'", "")
        local = r.choice(["%s.%s" % (f, l), "%s%s" % (f[0], l), "%s_%s%d" % (f, l, r.randrange(100))]).lower()
        local = local.replace("ü", "ue")
        addr = lab("email", "%s@%s" % (local, r.choice(EX_DOMAINS)))
        if display:
            return "%s <%s>" % (lab("person_name", "%s %s" % (f, last)), addr)
        return addr

    def rv_name(self):
        return lab("person_name", "%s %s" % (self.r.choice(FIRST), self.r.choice(LAST)))

    def rv_phone(self):
        r = self.r
        x = r.randrange(100)
        v = r.choice([
            "+1 201-555-01%02d" % x, "(201) 555-01%02d" % x, "201-555-01%02d" % x, "+1201555%04d" % (100 + x),
            "+44 20 7946 0%03d" % r.randrange(1000), "+442079460%03d" % r.randrange(1000),
            "+33 1 99 00 %02d %02d" % (x, r.randrange(100)), "+49 30 901820%02d" % x])
        return lab("phone", v, "reserved_" + phone_sub(v.replace("+1 ", "+1")))

    def rv_card(self):
        r = self.r
        c = r.choice(TEST_CARDS)
        k = r.randrange(3)
        if k == 0:
            return lab("credit_card", c)
        sep = " " if k == 1 else "-"
        if len(c) == 15:
            return lab("credit_card", sep.join([c[:4], c[4:10], c[10:]]))
        return lab("credit_card", sep.join(c[i:i + 4] for i in range(0, len(c), 4)))

    def rv_iban(self):
        v = self.r.choice(TEST_IBANS)
        if self.r.random() < 0.5:
            v = " ".join(v[i:i + 4] for i in range(0, len(v), 4))
        return lab("iban", v)

    def rv_mac(self):
        r = self.r
        b = [0x00, 0x00, 0x5e, 0x00, 0x53, r.randrange(256)]
        return lab("mac_address", r.choice([":", "-"]).join(("%02x" if r.random() < 0.5 else "%02X") % x for x in b))

    def rv_geo(self):
        r = self.r
        _, la, lo = r.choice(CITIES)
        nd = r.choice([4, 5, 6])
        return "%.*f" % (nd, la + (r.random() - 0.5) * 0.1), "%.*f" % (nd, lo + (r.random() - 0.5) * 0.1)

    def rv_ssn(self):
        r = self.r
        a = r.randrange(1, 899)
        a = 667 if a == 666 else a
        return lab("national_id", "%03d-%02d-%04d" % (a, r.randrange(1, 100), r.randrange(1, 10000)), "us_ssn")

    def rv_dni(self):
        n = self.r.randrange(10 ** 7, 10 ** 8)
        return lab("national_id", "%08d%s" % (n, DNI_LETTERS[n % 23]), "es_dni")

    def rv_nino(self):
        r = self.r
        return lab("national_id", "%s %02d %02d %02d %s" % (r.choice(["JT", "CE", "HW", "AB", "PR", "SK"]), r.randrange(100),
                                                          r.randrange(100), r.randrange(100), r.choice("ABCD")), "uk_nino")

    def rv_imei(self):
        return lab("device_id", luhn_complete("35" + "".join(str(self.r.randrange(10)) for _ in range(12))), "imei")

    def rv_idfa(self):
        return lab("device_id", self._uuid_raw().upper(), "advertising_id")

    def rv_dob(self):
        r = self.r
        y, m, d = r.randrange(1940, 2006), r.randrange(1, 13), r.randrange(1, 29)
        return lab("date_of_birth", r.choice(["%04d-%02d-%02d" % (y, m, d), "%02d/%02d/%04d" % (d, m, y), "%02d.%02d.%04d" % (d, m, y)]))

    def rv_token(self, n=26):
        return "".join(self.r.choice(TOKEN_CHARS) for _ in range(n))

    def rv_browser_ua(self):
        return lab("user_agent", self.r.choice([u for u in UAS if u.startswith("Mozilla/")]))

    # ---------------- the samples ----------------
    def sm_nginx_combined(self):
        """nginx log_format combined (nginx.org ngx_http_log_module)"""
        r = self.r
        k = r.randrange(4)
        if k == 0:
            path = "/api/v1/users?email=" + self.rv_email()
        elif k == 1:
            path = "/newsletter?email=" + lab("email", "%s%%40%s" % (r.choice(FIRST).lower(), r.choice(EX_DOMAINS)), "email_urlencoded")
        else:
            path = r.choice(["/account/settings", "/login?next=%2Fcart", "/index.html"])
        return ['%s - - [%s] "GET %s HTTP/1.1" %d %d "https://www.example.com/" "%s"' % (
            self.rv_ipv4(), self.ts_clf(), path, r.choice(STATUSES), r.randrange(100000), self.rv_browser_ua())]

    def sm_apache_combined(self):
        """Apache LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-agent}i\\"" (httpd docs)"""
        r = self.r
        user = self.rv_email()
        return ['%s - %s [%s] "POST /wp-login.php HTTP/1.1" 302 %d "-" "%s"' % (
            self.rv_ipv6() if r.random() < 0.3 else self.rv_ipv4(), user, self.ts_clf(), r.randrange(9000), self.rv_browser_ua())]

    def sm_syslog_5424(self):
        """RFC 5424 section 6.5 examples, with structured data and an enterprise-number SD-ID"""
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return ["<34>1 %s mymachine.example.com su - ID47 - 'su root' failed for %s on /dev/pts/8" % (
                self.ts_iso(), r.choice(["lonvick", "operator", "deploy"]))]
        if k == 1:
            return ['<165>1 %s host.example.com evntslog - ID47 [%s iut="3" eventSource="Application" eventID="1011"] login from %s user=%s' % (
                self.ts_iso(), dec("sd_id_enterprise_number", "exampleSDID@32473"), self.rv_ipv4(), self.rv_email())]
        return ['<86>1 %s bastion.example.net sshd %d - - Accepted publickey for %s from %s port %d ssh2' % (
            self.ts_iso(), r.randrange(1000, 60000), r.choice(["deploy", "ansible"]), self.rv_ipv6(), r.randrange(1024, 65536))]

    def sm_postfix(self):
        """Postfix smtpd/qmgr/smtp/cleanup log lines (postfix.org DEBUG_README, maillog)"""
        r = self.r
        q = dec("hex_id", "%010X" % r.getrandbits(40))
        h = "mail-1 postfix"
        ts = self.ts_syslog()
        k = r.randrange(4)
        if k == 0:
            return ["%s %s/smtpd[%d]: connect from unknown[%s]" % (ts, h, r.randrange(300, 9000), self.rv_ipv4())]
        if k == 1:
            return ["%s %s/qmgr[%d]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)" % (ts, h, r.randrange(300, 9000), q, self.rv_email(), r.randrange(900, 90000))]
        if k == 2:
            return ["%s %s/smtp[%d]: %s: to=<%s>, relay=mx.example.net[%s]:25, delay=%s, delays=%s, dsn=%s, status=sent (250 2.0.0 Ok: queued as %s)" % (
                ts, h, r.randrange(300, 9000), q, self.rv_email(), self.rv_ipv4(), dec("duration", "%.2f" % (r.random() * 3)),
                dec("metric_value", "0.%02d/0.%02d/0.%d/0.%02d" % (r.randrange(100), r.randrange(100), r.randrange(10), r.randrange(100))),
                dec("smtp_status_code", "2.0.0"), dec("hex_id", "%010X" % r.getrandbits(40)))]
        return ["%s %s/cleanup[%d]: %s: message-id=%s" % (ts, h, r.randrange(300, 9000), q,
                dec("message_id", "<%s.%s@mail.example.com>" % (time.strftime("%Y%m%d%H%M%S", time.gmtime(int(self.t))), "%X" % r.getrandbits(24))))]

    def sm_sshd(self):
        """OpenSSH sshd auth.log lines"""
        r = self.r
        ts = self.ts_syslog()
        pid = r.randrange(1000, 65000)
        k = r.randrange(4)
        if k == 0:
            return ["%s bastion sshd[%d]: Server listening on %s port 22." % (ts, pid, dec("ipv4_unspecified", "0.0.0.0")),
                    "%s bastion sshd[%d]: Server listening on %s port 22." % (ts, pid, dec("ipv6_unspecified", "::"))]
        if k == 1:
            return ["%s bastion sshd[%d]: Invalid user %s from %s port %d" % (ts, pid, r.choice(["admin", "oracle", "pi"]), self.rv_ipv4(), r.randrange(1024, 65536))]
        if k == 2:
            return ["%s bastion sshd[%d]: Accepted publickey for deploy from %s port %d ssh2: RSA SHA256:%s" % (
                ts, pid, self.rv_ipv6(), r.randrange(1024, 65536), dec("key_fingerprint", self.rv_token(43)))]
        return ["%s bastion sshd[%d]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=%s  user=root" % (ts, pid, self.rv_ipv4())]

    def sm_aws_elb(self):
        """AWS Classic ELB and ALB access log entries (AWS Elastic Load Balancing docs)"""
        r = self.r
        ua = self.rv_browser_ua() if r.random() < 0.5 else dec("client_user_agent", "curl/7.46.0")
        if r.random() < 0.5:
            return ['%s my-loadbalancer %s:%d %s:80 %s %s %s 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "%s" - -' % (
                self.ts_iso(), self.rv_ipv4(), r.randrange(1024, 65536), lab("ipv4", "10.0.0.%d" % r.randrange(1, 255), "private"),
                dec("metric_value", "0.%06d" % r.randrange(10 ** 6)), dec("metric_value", "0.%06d" % r.randrange(10 ** 6)),
                dec("metric_value", "0.%06d" % r.randrange(10 ** 6)), ua)]
        target = "10.0.0.%d" % r.randrange(1, 255)
        return ['http %s app/my-loadbalancer/%s %s:%d %s:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" "%s" - - arn:aws:elasticloadbalancing:us-east-2:%s:targetgroup/my-targets/%s "%s" "-" "-" 0 %s "forward" "-" "-" "%s:80" "200" "-" "-"' % (
            self.ts_iso(), dec("hex_id", "%016x" % r.getrandbits(64)), self.rv_ipv4(), r.randrange(1024, 65536),
            lab("ipv4", target, "private"), ua,
            dec("aws_account_id", "%012d" % r.randrange(10 ** 11, 10 ** 12)), dec("hex_id", "%016x" % r.getrandbits(64)),
            dec("trace_id", "Root=1-%08x-%024x" % (r.getrandbits(32), r.getrandbits(96))), self.ts_iso(),
            lab("ipv4", target, "private"))]

    def sm_cloudfront(self):
        """CloudFront standard log file, tab-separated fields (Amazon CloudFront developer guide)"""
        r = self.r
        tm = time.gmtime(int(self.t))
        return ["\t".join([
            time.strftime("%Y-%m-%d", tm), dec("time_hms", time.strftime("%H:%M:%S", tm)), "LAX1", str(r.randrange(100, 9000)),
            self.rv_ipv4(), "GET", "d111111abcdef8.cloudfront.net", "/index.html", "200", "-",
            lab("user_agent", "Mozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36", "ua_urlencoded"),
            "-", "-", "Hit", dec("request_id", self.rv_token(56) + "=="), "d111111abcdef8.cloudfront.net", "https", "23",
            dec("metric_value", "0.%03d" % r.randrange(1000)), "-", "TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256", "Hit", "HTTP/2.0",
            "-", "-", str(r.randrange(1024, 65536)), dec("metric_value", "0.%03d" % r.randrange(1000)), "Hit", "text/html", "78", "-", "-"])]

    def sm_gpx(self):
        """GPX 1.1 trkpt/wpt (topografix.com/GPX/1/1)"""
        la, lo = self.rv_geo()
        if self.r.random() < 0.7:
            return ['      <trkpt %s><ele>%d.%d</ele><time>%s</time></trkpt>' % (
                lab("geo_coordinates", 'lat="%s" lon="%s"' % (la, lo)), self.r.randrange(900), self.r.randrange(10), self.ts_iso())]
        return ['  <wpt %s><name>Meeting point</name></wpt>' % lab("geo_coordinates", 'lon="%s" lat="%s"' % (lo, la))]

    def sm_kml(self):
        """KML 2.2 Placemark/Point/coordinates lon,lat,alt (developers.google.com/kml)"""
        la, lo = self.rv_geo()
        return ["<Placemark><name>Home</name><Point>%s</coordinates></Point></Placemark>" % lab("geo_coordinates", "<coordinates>%s,%s,0" % (lo, la))]

    def sm_geojson(self):
        """RFC 7946 Feature with a Point geometry; bbox values are not a position"""
        la, lo = self.rv_geo()
        return ['{"type":"Feature","bbox":%s,"geometry":{"type":"Point",%s},"properties":{"name":"Dinagat Islands"}}' % (
            dec("geojson_bbox", "[-10.0, -10.0, 10.0, 10.0]"), lab("geo_coordinates", '"coordinates":[%s, %s]' % (lo, la)))]

    def sm_nmea(self):
        """NMEA 0183 GGA/RMC/GLL sentences (with ddmm.mmmm fields); GSV carries no position"""
        r = self.r
        la, lo = self.rv_geo()
        lat, lon = float(la), float(lo)
        def ddmm(v, w):
            a = abs(v)
            return "%0*d%07.4f" % (w, int(a), (a - int(a)) * 60)
        ns, ew = "N" if lat >= 0 else "S", "E" if lon >= 0 else "W"
        hh = time.strftime("%H%M%S", time.gmtime(int(self.t)))
        k = r.randrange(4)
        if k == 0:
            return ["%s,1,08,0.9,545.4,M,46.9,M,,*47" % lab("geo_coordinates", "$GPGGA,%s,%s,%s,%s,%s" % (hh, ddmm(lat, 2), ns, ddmm(lon, 3), ew))]
        if k == 1:
            return ["%s,022.4,084.4,230394,003.1,W*6A" % lab("geo_coordinates", "$GPRMC,%s,A,%s,%s,%s,%s" % (hh, ddmm(lat, 2), ns, ddmm(lon, 3), ew))]
        if k == 2:
            return ["%s,%s,A*7C" % (lab("geo_coordinates", "$GNGLL,%s,%s,%s,%s" % (ddmm(lat, 2), ns, ddmm(lon, 3), ew)), hh)]
        return [dec("nmea_no_position", "$GPGSV,3,1,11,03,03,111,00,04,15,270,00,06,01,010,00,13,06,292,00*74")]

    def sm_http_headers(self):
        """an HTTP/1.1 request and response head as logged by a debugging proxy (RFC 9110, RFC 6265)"""
        r = self.r
        sid = lab("session_id", "JSESSIONID=%s" % self.rv_token(32).upper(), "jsessionid")
        return ["GET /account HTTP/1.1", "Host: www.example.com",
                "User-Agent: %s" % self.rv_browser_ua(),
                "Cookie: %s; theme=dark; lang=en" % sid,
                "X-Forwarded-For: %s, %s" % (self.rv_ipv4(), self.rv_ipv4()),
                'If-None-Match: "%s"' % dec("hex_hash", "%040x" % r.getrandbits(160)),
                "X-Request-ID: %s" % self.uuid(),
                "", "HTTP/1.1 200 OK", "Date: Tue, 15 Nov 1994 %s GMT" % dec("time_hms", "08:12:31"),
                "Set-Cookie: %s; Path=/; Secure; HttpOnly; SameSite=Lax" % lab("session_id", "sessionid=%s" % self.rv_token(32), "sessionid"),
                "Cache-Control: max-age=31536000", ""]

    def sm_csv_export(self):
        """a CSV export with a header row (RFC 4180)"""
        rows = ["id,first_name,last_name,email,phone,date_of_birth,ip_address,latitude,longitude,iban,created_at"]
        for _ in range(3):
            f, l = self.r.choice(FIRST), self.r.choice(LAST)
            la, lo = self.rv_geo()
            rows.append("%d,%s,%s,%s,%s,%s,%s,%s,%s" % (
                self.r.randrange(1, 10 ** 6), lab("person_name", "%s,%s" % (f, l)), self.rv_email(), self.rv_phone(),
                self.rv_dob(), self.rv_ipv4(), lab("geo_coordinates", "%s,%s" % (la, lo)), self.rv_iban(), self.ts_iso()))
        return rows

    def sm_java_stacktrace(self):
        """a Java stack trace whose message carries personal data"""
        pre = "%s ERROR [%s] %s - " % (self.ts_log4j(), self.thread(), self.logger())
        return [pre + "Registration failed",
                "java.lang.IllegalStateException: duplicate account for %s (phone %s)" % (self.rv_email(), self.rv_phone()),
                "\tat com.example.accounts.AccountService.register(AccountService.java:%d)" % self.r.randrange(20, 900),
                "\tat com.example.accounts.AccountController.lambda$post$0(AccountController.java:%d)" % self.r.randrange(20, 900),
                "\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)",
                "Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint \"users_email_key\"",
                "\t... 42 more"]

    def sm_k8s_json(self):
        """Kubernetes container logs: docker json-file lines and a zap/logr structured line"""
        r = self.r
        if r.random() < 0.5:
            return ['{"log":"login ok user=%s from %s\\n","stream":"stdout","time":"%s"}' % (self.rv_email(), self.rv_ipv4(), self.ts_iso())]
        return ['{"level":"info","ts":%s,"caller":"server/handler.go:%d","msg":"request","remote_addr":"%s:%d","user":{"name":"%s","phone":"%s"}}' % (
            dec("epoch_seconds", "%.3f" % self.t), r.randrange(20, 400), self.rv_ipv4(), r.randrange(1024, 65536), self.rv_name(), self.rv_phone())]

    def sm_app_json(self):
        """application JSON events with identity fields"""
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return ['{"event":"kyc.verified","customer":{"name":"%s","dob":"%s","nino":"%s"},"ssn":"%s"}' % (
                self.rv_name(), self.rv_dob(), self.rv_nino(), self.rv_ssn())]
        if k == 1:
            return ['{"event":"app.install","idfa":"%s","imei":"%s","device":"iPhone15,2","app_version":"%s"}' % (
                self.rv_idfa(), self.rv_imei(), dec("version_3part", "4.%d.%d" % (r.randrange(20), r.randrange(100))))]
        if k == 2:
            return ['{"event":"payment","card":"%s","iban":"%s","amount":%d.%02d,"order_id":%s}' % (
                self.rv_card(), self.rv_iban(), r.randrange(900), r.randrange(100), self.luhn_id())]
        return ['{"event":"es.signup","nombre":"%s","dni":"%s","email":"%s","mac":"%s"}' % (
            self.rv_name(), self.rv_dni(), self.rv_email(), self.rv_mac())]

    def sm_geo_text(self):
        """map URLs, geo URIs, lat/lon parameters, DMS and hemisphere forms"""
        r = self.r
        la, lo = self.rv_geo()
        k = r.randrange(6)
        if k == 0:
            return ['GET https://www.google.com/maps/%s/data=!3m1!4b1 200' % lab("geo_coordinates", "@%s,%s,15z" % (la, lo))]
        if k == 1:
            return ['redirect https://maps.example.com/?%s&z=12' % lab("geo_coordinates", "q=%s,%s" % (la, lo))]
        if k == 2:
            return ['checkin venue=42 location %s' % lab("geo_coordinates", "geo:%s,%s" % (la, lo))]
        if k == 3:
            return ['GET /api/v1/nearby?%s&radius=500 HTTP/1.1' % lab("geo_coordinates", "lat=%s&lon=%s" % (la, lo))]
        lat, lon = float(la), float(lo)
        if k == 4:
            def dms(v):
                a = abs(v)
                d = int(a)
                m = int((a - d) * 60)
                s = int(((a - d) * 60 - m) * 60)
                return "%d°%02d'%02d\"" % (d, m, s)
            return ["Photo taken at %s" % lab("geo_coordinates", "%s%s %s%s" % (dms(lat), "N" if lat >= 0 else "S", dms(lon), "E" if lon >= 0 else "W"))]
        return ["Vessel position %s, speed 12 kn" % lab("geo_coordinates", "%.4f%s, %.4f%s" % (abs(lat), "N" if lat >= 0 else "S", abs(lon), "E" if lon >= 0 else "W"))]

    def sm_mail_headers(self):
        """RFC 5322 message header fields as logged by a mail filter"""
        return ["From: %s" % self.rv_email(display=True), "To: %s" % self.rv_email(display=True),
                "Subject: Your invoice", "Message-ID: %s" % dec("message_id", "<%s@mail.example.org>" % self.rv_token(20)),
                "X-Mailer: Thunderbird %s" % dec("version_3part", "115.%d.%d" % (self.r.randrange(10), self.r.randrange(10))), ""]

    def sample_person(self):
        return self.r.choice(SAMPLE_PEOPLE)

    def sample_dob(self, sep_order="iso"):
        r = self.r
        y, m, d = r.randrange(1940, 2006), r.randrange(1, 13), r.randrange(1, 29)
        if sep_order == "de":
            return "%02d.%02d.%04d" % (d, m, y)
        if sep_order == "fr":
            return "%02d/%02d/%04d" % (d, m, y)
        return "%04d-%02d-%02d" % (y, m, d)

    def sm_hr_tsv_export(self):
        """an HR system's tab-separated export (header row, then rows), with short decimal coordinates"""
        r = self.r
        rows = ["employee_id\tGiven Name\tFamily Name\tDate of Birth\tMobile\tWork Email\tOffice\tLatitude\tLongitude"]
        for _ in range(r.randrange(2, 5)):
            f, l = self.sample_person()
            _, la, lo = r.choice(CITIES)
            rows.append("\t".join([
                "E%05d" % r.randrange(10 ** 5), lab("person_name", f), lab("person_name", l),
                lab("date_of_birth", self.sample_dob()), lab("phone", "+44 7700 900%03d" % r.randrange(1000), "uk_drama"),
                lab("email", "%s.%s@example.com" % (f.lower().replace(" ", "").replace("'", ""), r.randrange(100))),
                r.choice(["London", "Leeds", "Berlin"]),
                lab("geo_coordinates", "%.2f\t%.2f" % (la, lo))]))
        return rows

    def sm_excel_semicolon(self):
        """a German spreadsheet export (semicolon-separated, as Excel writes it in de-DE), header row first"""
        r = self.r
        rows = ["Kundennr;Nachname;Vorname;Geburtsdatum;Telefon;E-Mail;Ort"]
        for _ in range(r.randrange(2, 5)):
            f, l = self.sample_person()
            rows.append(";".join([
                str(r.randrange(10 ** 4, 10 ** 6)), lab("person_name", l), lab("person_name", f),
                lab("date_of_birth", self.sample_dob("de")), lab("phone", "+49 30 901820%02d" % r.randrange(100), "de_drama"),
                lab("email", "kunde%d@example.org" % r.randrange(1000)), r.choice(["Berlin", "Hamburg", "München"])]))
        return rows

    def sm_birth_text(self):
        """birth dates outside CSV, in the forms people and systems write them"""
        r = self.r
        f, l = self.sample_person()
        k = r.randrange(6)
        if k == 0:
            return ["%s INFO  [kyc] verified %s, geb. %s, Berlin" % (self.ts_log4j(), lab("person_name", "%s %s" % (f, l)), lab("date_of_birth", self.sample_dob("de")))]
        if k == 1:
            return ["%s patient_id=%d dob=%s ward=4B" % (self.ts_iso(), r.randrange(10 ** 6), lab("date_of_birth", self.sample_dob()))]
        if k == 2:
            return ['{"ts":"%s","event":"profile.read","user":{"id":%d,"birthDate":"%s"}}' % (self.ts_iso(), r.randrange(10 ** 6), lab("date_of_birth", self.sample_dob()))]
        if k == 3:
            return ["Date de naissance : %s" % lab("date_of_birth", self.sample_dob("fr"))]
        if k == 4:
            return ["Note: applicant %s was born on %s in Lagos." % (lab("person_name", "%s %s" % (f, l)), lab("date_of_birth", self.sample_dob("fr")))]
        return ["To: %s <%s>" % (lab("person_name", "%s %s" % (f, l)), lab("email", "%s@example.net" % l.lower().replace(" ", "").replace("'", "")))]

    def sm_ipv6_forms(self):
        """IPv6 as tools print it: ip -6 addr, bracketed URL hosts with ports, upper case, zone ids, embedded IPv4"""
        r = self.r
        g = lambda: "%x" % r.randrange(1, 0x10000)
        k = r.randrange(5)
        if k == 0:
            return ["    inet6 %s/64 scope link" % lab("ipv6", "fe80::%s:%s:%s:%s" % (g(), g(), g(), g()), "link_local"),
                    "       valid_lft forever preferred_lft forever"]
        if k == 1:
            return ['%s "GET https://[%s]:8443/health HTTP/2" 200' % (self.ts_iso(), lab("ipv6", "2001:db8:%s::%s" % (g(), g()), "documentation"))]
        if k == 2:
            return ["%%ASA-6-302013: Built inbound TCP connection for outside:%s/443" % lab("ipv6", ("2001:DB8:%s::%s" % (g(), g())).upper(), "documentation")]
        if k == 3:
            return ["ping6 -I eth0 %s%%eth0: 64 bytes, icmp_seq=1" % lab("ipv6", "fe80::%s:%s" % (g(), g()), "link_local")]
        return ["X-Forwarded-For: %s" % lab("ipv6", "::ffff:192.0.2.%d" % r.randrange(1, 255), "ipv4_mapped")]

    def sm_phone_forms(self):
        """phone numbers as people type them in CRM notes and signatures (reserved/fictional ranges)"""
        r = self.r
        x = r.randrange(100)
        forms = ["+44 (0)20 7946 0%03d" % r.randrange(1000), "+1 (201) 555-01%02d" % x, "201.555.01%02d" % x,
                 "+33 (0)1 99 00 %02d %02d" % (x, r.randrange(100)), "+49 (0)30 901820%02d" % x,
                 "+1-201-555-01%02d" % x]
        v = r.choice(forms)
        return ["%s INFO  [crm] note added: call back on %s re: invoice" % (self.ts_log4j(), lab("phone", v, "formatted"))]

    # ---------------- Debian package logs: version numbers that look like IPv4 addresses ----------------
    def deb_upstream(self):
        """a four-part upstream version whose parts are all octets: the IPv4 look-alike"""
        r = self.r
        return "%d.%d.%d.%d" % (r.randrange(1, 20), r.randrange(0, 30), r.randrange(0, 60), r.randrange(0, 20))

    def deb_version(self, upstream=None, native_ok=False):
        """(raw) a Debian version string: the upstream part plus a revision or suffix as dpkg/apt print it"""
        r = self.r
        u = upstream or self.deb_upstream()
        k = r.randrange(11 if native_ok else 10)
        n = r.randrange(1, 6)
        return u + ["-%d" % n, "-%d" % n, "-%d" % n, "-%d.1" % n, "+dfsg-%d" % n, "+dfsg-%d+deb12u%d" % (n, r.randrange(1, 4)),
                    "-%dubuntu0.22.04.%d" % (n, r.randrange(1, 4)), "-%d+b%d" % (n, r.randrange(1, 3)),
                    "~rc%d-%d" % (r.randrange(1, 4), n), "+ds-%d" % n, ""][k]

    def deb_pkg(self):
        return "%s:%s" % (self.r.choice(DEB_PKGS), self.r.choice(DEB_ARCHS))

    def ts_dpkg(self):
        tm, _ = self.tick()
        return dec("timestamp", "%04d-%02d-%02d %02d:%02d:%02d" % (tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec))

    def sm_dpkg_log(self):
        """/var/log/dpkg.log: one package upgraded (or installed) and configured, as dpkg writes it"""
        r = self.r
        pkg = self.deb_pkg()
        u = self.deb_upstream()
        old_raw = self.deb_version(u)
        new_raw = self.deb_version(u)
        old = lambda: dec("debian_version", old_raw)
        new = lambda: dec("debian_version", new_raw)
        if r.randrange(3) == 0:
            new_raw = self.deb_version(u, native_ok=True)
            return ["%s install %s <none> %s" % (self.ts_dpkg(), pkg, new()),
                    "%s status half-installed %s %s" % (self.ts_dpkg(), pkg, new()),
                    "%s status unpacked %s %s" % (self.ts_dpkg(), pkg, new()),
                    "%s configure %s %s <none>" % (self.ts_dpkg(), pkg, new()),
                    "%s status installed %s %s" % (self.ts_dpkg(), pkg, new())]
        return ["%s startup archives unpack" % self.ts_dpkg(),
                "%s upgrade %s %s %s" % (self.ts_dpkg(), pkg, old(), new()),
                "%s status half-configured %s %s" % (self.ts_dpkg(), pkg, old()),
                "%s status unpacked %s %s" % (self.ts_dpkg(), pkg, old()),
                "%s status half-installed %s %s" % (self.ts_dpkg(), pkg, old()),
                "%s status unpacked %s %s" % (self.ts_dpkg(), pkg, new()),
                "%s startup packages configure" % self.ts_dpkg(),
                "%s configure %s %s <none>" % (self.ts_dpkg(), pkg, new()),
                "%s status half-configured %s %s" % (self.ts_dpkg(), pkg, new()),
                "%s status installed %s %s" % (self.ts_dpkg(), pkg, new())]

    def sm_apt_history(self):
        """/var/log/apt/history.log: one transaction (Install with 'automatic', Upgrade with old and new)"""
        r = self.r
        tm, _ = self.tick()
        day = dec("plain_date", "%04d-%02d-%02d" % (tm.tm_year, tm.tm_mon, tm.tm_mday))
        start = "%02d:%02d:%02d" % (tm.tm_hour, tm.tm_min, tm.tm_sec)
        inst = ", ".join("%s (%s%s)" % (self.deb_pkg(), dec("debian_version", self.deb_version()), r.choice(["", ", automatic"]))
                         for _ in range(r.randrange(1, 4)))
        ups = []
        for _ in range(r.randrange(1, 4)):
            u = self.deb_upstream()
            ups.append("%s (%s, %s)" % (self.deb_pkg(), dec("debian_version", self.deb_version(u)), dec("debian_version", self.deb_version(u))))
        return ["", "Start-Date: %s  %s" % (day, start),
                "Commandline: apt-get -y install %s" % r.choice(DEB_PKGS),
                "Requested-By: deploy (%d)" % r.randrange(1000, 1010),
                "Install: " + inst,
                "Upgrade: " + ", ".join(ups),
                "End-Date: %s  %s" % (day, start)]

    def sm_apt_term(self):
        """/var/log/apt/term.log: dpkg's progress lines (the version in the .deb file name follows a '_')"""
        pkg = self.deb_pkg()
        name, arch = pkg.split(":")
        u = self.deb_upstream()
        old_raw = self.deb_version(u)
        new_raw = self.deb_version(u)
        new = lambda: dec("debian_version", new_raw)
        return ["Preparing to unpack .../%s_%s_%s.deb ..." % (name, new(), arch),
                "Unpacking %s (%s) over (%s) ..." % (pkg, new(), dec("debian_version", old_raw)),
                "Setting up %s (%s) ..." % (pkg, new())]

    def sm_apt_get(self):
        """apt-get's own output (CI logs, unattended-upgrades): mirror addresses next to package versions"""
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return ["Get:%d http://%s/debian bookworm/main %s %s %s [%d kB]" % (r.randrange(1, 40), self.rv_ipv4(), r.choice(DEB_ARCHS),
                    r.choice(DEB_PKGS), dec("debian_version", self.deb_version()), r.randrange(4, 900))]
        if k == 1:
            raw = r.choice(DOC_V4) + str(r.randrange(1, 255))
            ip = lambda: lab("ipv4", raw, "documentation")
            return ["Err:%d http://%s:3142/debian bookworm InRelease" % (r.randrange(1, 9), ip()),
                    "  Could not connect to %s:3142 (%s). - connect (111: Connection refused)" % (ip(), ip())]
        return ["Hit:%d http://%s/debian bookworm InRelease" % (r.randrange(1, 9), self.rv_ipv4()),
                "Inst %s [%s] (%s Debian:12.5/stable [%s])" % (r.choice(DEB_PKGS), dec("debian_version", self.deb_version()),
                                                             dec("debian_version", self.deb_version()), r.choice(DEB_ARCHS))]

    def sm_ip_ranges(self):
        """address ranges written in full (iptables iprange, ipset): both ends are addresses"""
        r = self.r
        net = r.choice(DOC_V4)
        lo = r.randrange(1, 200)
        a = lab("ipv4", net + str(lo), "documentation")
        b = lab("ipv4", net + str(r.randrange(lo + 1, 255)), "documentation")
        if r.randrange(2) == 0:
            return ["iptables -A INPUT -m iprange --src-range %s-%s -j DROP" % (a, b)]
        return ["ipset add blocklist %s-%s timeout %d" % (a, b, r.randrange(60, 86400))]

    # ---------------- the traps of issue 3 (decoys only) ----------------
    def luhn_id(self):
        """a Luhn-valid number that is not a card: no issuer prefix, or glued into a longer id"""
        r = self.r
        k = r.randrange(3)
        if k == 0:
            return dec("luhn_valid_id", luhn_complete("1" + "".join(str(r.randrange(10)) for _ in range(17))))
        if k == 1:
            return dec("luhn_valid_id", luhn_complete("9" + "".join(str(r.randrange(10)) for _ in range(14))))
        return dec("luhn_valid_id", luhn_complete("17" + "%011d" % r.randrange(10 ** 11)))

    def tr_event(self):
        r = self.r
        ts = "%s INFO  [main] c.e.app.Main - " % self.ts_log4j()
        k = r.randrange(23)
        if k == 0:
            return [ts + "Starting agent version %s" % dec("version_4part", "%d.%d.%d.%d" % (r.randrange(1, 10), r.randrange(10), r.randrange(10), r.randrange(10)))]
        if k == 1:
            return [ts + "OS: Microsoft Windows 7 Professional %s" % dec("windows_build", "~6.1.7601.%d" % r.randrange(16000, 25000))]
        if k == 2:
            return [ts + "snmpget -v2c -c public router.example.net %s" % dec("oid", r.choice(["1.3.6.1.4.1.2021.10.1.3.1", "1.3.6.1.2.1.1.3.0", "1.3.6.1.4.1.2021.4.5.0"]))]
        if k == 3:
            return ["PHP Fatal error:  Call to undefined method %s() in /var/www/html/app.php on line %d" % (dec("scope_operator", r.choice(["Foo::bar", "Cafe::Face", "Dead::Beef", "Bad::Add"])), r.randrange(10, 999))]
        if k == 4:
            return [ts + "terminate called after throwing an instance of '%s'" % dec("scope_operator", r.choice(["std::runtime_error", "boost::bad_any_cast"]))]
        if k == 5:
            return [ts + "HTTP server listening on %s:%d and [%s]:%d" % (dec("ipv4_unspecified", "0.0.0.0"), r.randrange(1024, 9000), dec("ipv6_unspecified", "::"), r.randrange(1024, 9000))]
        if k == 6:
            return [ts + "job uptime %s, elapsed %s" % (dec("time_hms", "%02d:%02d:%02d" % (r.randrange(24), r.randrange(60), r.randrange(60))), dec("time_hms", "%02d:%02d:%02d" % (r.randrange(24), r.randrange(60), r.randrange(60))))]
        if k == 7:
            return [ts + "artifact sha1=%s md5=%s" % (dec("hex_hash", "%040x" % r.getrandbits(160)), dec("hex_hash", "%032x" % r.getrandbits(128)))]
        if k == 8:
            return [ts + "commit %s (tree %s)" % (dec("hex_hash", "%040x" % r.getrandbits(160)), dec("hex_hash", "%07x" % r.getrandbits(28)))]
        if k == 9:
            return [ts + "request_id=%s correlation=%s" % (self.uuid(), dec("uuid", self._uuid_raw().upper()))]
        if k == 10:
            return ['{"ts":%s,"created":%s,"expires_at":%s}' % (dec("epoch_seconds", "%.6f" % self.t), dec("epoch_seconds", "%d" % int(self.t)), self.epoch_ms())]
        if k == 11:
            return [ts + "batch took %s (gc %s, io %s)" % (self.dur(), self.dur(), dec("duration", "%d:%02d.%03d" % (r.randrange(60), r.randrange(60), r.randrange(1000))))]
        if k == 12:
            return [ts + "load average: %s, %s, %s" % (dec("metric_value", "%.2f" % (r.random() * 4)), dec("metric_value", "%.2f" % (r.random() * 4)), dec("metric_value", "%.2f" % (r.random() * 4)))]
        if k == 13:
            return [ts + "p50=%s, p99=%s, ratio %s" % (dec("metric_value", "%.4f" % (r.random() * 80)), dec("metric_value", "%.4f" % (r.random() * 170)),
                                                      dec("metric_value", "%.4f,%.4f" % (r.random() * 80, r.random() * 170)))]
        if k == 14:
            return ["%s INFO dfs.DataNode$DataXceiver: Receiving block %s src: /%s:%d dest: /%s:50010" % (
                time.strftime("%y%m%d %H%M%S", time.gmtime(int(self.t))),
                dec("hdfs_block_id", r.choice(["blk_-%d" % r.randrange(10 ** 18, 9 * 10 ** 18), "blk_%d" % r.randrange(10 ** 18, 9 * 10 ** 18), "blk_%d_%d" % (1073741825 + r.randrange(10 ** 6), 1001 + r.randrange(10 ** 4))])),
                self.rv_ipv4(), r.randrange(1024, 65536), self.rv_ipv4())]
        if k == 15:
            return [ts + "order_id=%s snowflake=%s" % (self.luhn_id(), self.luhn_id())]
        if k == 16:
            return [ts + "payment with card %s declined" % dec("masked_card", r.choice(["**** **** **** %04d", "XXXX-XXXX-XXXX-%04d", "411111******%04d"]) % r.randrange(10000))]
        if k == 17:
            return [ts + "%s retry in %d s; %s as processed; %s run completed" % (dec("capitalised_word", "Will"), r.randrange(60), dec("capitalised_word", "Mark"), dec("capitalised_word", "Bill"))]
        if k == 18:
            return ["%s ERROR %s in %s" % (dec("timestamp", self.ts_iso()), dec("capitalised_word", r.choice(["NullPointerException", "IllegalStateException", "OutOfMemoryError"])), dec("capitalised_word", r.choice(["Main", "Worker", "Scheduler"])))]
        if k == 19:
            return [ts + "%s %s" % (r.choice(["txn", "ticket", "invoice"]), dec("digit_run", "%d" % r.randrange(2 * 10 ** 9, 10 ** 10)))]
        if k == 20:
            return [ts + "clone %s; asset %s; ssh %s" % (dec("git_ssh_url", "git@github.com:example/app.git"), dec("asset_at_suffix", "url(logo@2x.png)"), dec("user_at_host", "admin@localhost"))]
        if k == 22:
            return [ts + "%s %s" % (dec("capitalised_pair", r.choice(["Mercedes Benz", "Apache Kafka", "Jenkins Pipeline", "Spring Boot",
                                                                    "Grace Period", "Victoria Station", "Hello World", "Austin Texas"])),
                                    r.choice(["started", "expired", "configured", "unavailable"]))]
        return [ts + "report period %s to %s" % (dec("plain_date", "%04d-%02d-%02d" % (r.randrange(1990, 2025), r.randrange(1, 13), r.randrange(1, 29))), dec("plain_date", "%02d/%02d/%04d" % (r.randrange(1, 29), r.randrange(1, 13), r.randrange(1990, 2025))))]

    def ev_sample(self):
        return getattr(self, self.r.choice(SAMPLE_KINDS))()

    def ev_trap(self):
        return self.tr_event()

    def event(self, kind):
        if kind == "syslog_misc_clean":
            return self.ev_syslog_misc(clean=True)
        if kind == "log4j_info_clean":
            return self.ev_log4j_info(clean=True)
        if kind == "java_stacktrace_clean":
            return self.ev_java_stacktrace(clean=True)
        return getattr(self, "ev_" + kind)()


def label_record(offset, length, mark, name, line):
    """one JSONL label: planted items carry their Lagotto category (and a sub-kind), decoys their trap kind"""
    if mark == MARK_PII:
        cat, _, sub = name.partition("/")
        rec = {"offset": offset, "length": length, "category": cat, "kind": "planted", "line": line}
        if sub:
            rec["sub"] = sub
        return rec
    return {"offset": offset, "length": length, "category": name, "kind": "decoy", "line": line}


def generate(seed, variant, size_bytes, out_path, labels_path=None):
    g = Gen(seed, variant)
    kinds = [k for k, _ in VARIANTS[variant]["event_weights"]]
    weights = [w for _, w in VARIANTS[variant]["event_weights"]]
    cum = []
    acc = 0.0
    for w in weights:
        acc += w
        cum.append(acc)
    total_w = acc
    h = hashlib.sha256()
    written = 0
    nlines = 0
    ev_counts = {k: 0 for k in kinds}
    buf = []
    buf_bytes = 0
    r = g.r
    import bisect
    planted = {}
    decoys = {}
    lf = open(labels_path, "w") if labels_path else None
    with open(out_path, "wb") as f:
        while written < size_bytes:
            kind = kinds[bisect.bisect_right(cum, r.random() * total_w)]
            ev_counts[kind] += 1
            for line in g.event(kind):
                text, spans = strip_labels(line)
                base = written + buf_bytes
                nlines += 1
                for off, ln, mark, name in spans:
                    rec = label_record(base + off, ln, mark, name, nlines)
                    counts = planted if rec["kind"] == "planted" else decoys
                    counts[rec["category"]] = counts.get(rec["category"], 0) + 1
                    if lf:
                        lf.write(json.dumps(rec, sort_keys=True) + "\n")
                b = (text + "\n").encode("utf-8")
                buf.append(b)
                buf_bytes += len(b)
            if buf_bytes >= 1 << 22 or written + buf_bytes >= size_bytes:
                chunk = b"".join(buf)
                f.write(chunk)
                h.update(chunk)
                written += len(chunk)
                buf = []
                buf_bytes = 0
    if lf:
        lf.close()
    return {
        "generator": "gen_labelled.py (extends gen_corpus.py version %s)" % GENERATOR_VERSION,
        "labels_version": LABELS_VERSION,
        "generator_version": GENERATOR_VERSION,
        "python": sys.version.split()[0],
        "seed": seed,
        "variant": variant,
        "target_bytes": size_bytes,
        "bytes": written,
        "lines": nlines,
        "sha256": h.hexdigest(),
        "params": VARIANTS[variant],
        "events": ev_counts,
        "ground_truth_pii": g.truth,
        "pii_total_regex_detectable": sum(v for k, v in g.truth.items() if k not in ("person_name", "email_urlencoded")),
        "decoys_planted": dict(sorted(g.decoys.items())),
        "labels_planted": dict(sorted(planted.items())),
        "labels_decoy": dict(sorted(decoys.items())),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", default="lagotto-bench-2026")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="main")
    ap.add_argument("--size-mib", type=float, default=256)
    ap.add_argument("--out", required=True)
    ap.add_argument("--manifest", help="where to write the manifest JSON (default: OUT.manifest.json)")
    ap.add_argument("--labels", help="where to write the labels JSONL (default: OUT.labels.jsonl)")
    a = ap.parse_args()
    t0 = time.time()
    m = generate(a.seed, a.variant, int(a.size_mib * 1024 * 1024), a.out, a.labels or a.out + ".labels.jsonl")
    m["generation_seconds"] = round(time.time() - t0, 1)
    with open(a.manifest or a.out + ".manifest.json", "w") as f:
        json.dump(m, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(json.dumps({k: m[k] for k in ("variant", "bytes", "lines", "sha256", "generation_seconds",
                                        "pii_total_regex_detectable")}))
    print(json.dumps({"labels_planted": sum(m["labels_planted"].values()), "labels_decoy": sum(m["labels_decoy"].values())}))


if __name__ == "__main__":
    main()
