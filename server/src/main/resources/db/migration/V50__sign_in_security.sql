-- Sign-in security (issue 5, item 1; docs/decisions/0016).

-- TOTP: the secret is sealed with AES-GCM (common.SecretBox: "v1:<key id>:<base64>"); last_step is the newest
-- time step a code was accepted for, so a code cannot be replayed within its window.
create table user_mfa (
    user_id     uuid primary key references users (id),
    secret      varchar(200) not null,
    enrolled_at timestamp with time zone not null,
    last_step   bigint not null default 0
);

-- One-time recovery codes, stored as SHA-256 hashes like API tokens.
create table mfa_recovery_codes (
    user_id   uuid        not null references users (id),
    code_hash varchar(64) not null,
    used_at   timestamp with time zone,
    primary key (user_id, code_hash)
);

-- Client organizations may require MFA of all their people (MSP roles and clinic IT always need it).
alter table organizations add column mfa_required boolean not null default false;

-- Failed sign-ins per account ("account:<email>", also for emails that match no account) and per address
-- ("address:<ip>"); locked_until grows with each failure past the threshold.
create table sign_in_failures (
    subject         varchar(300) primary key,
    failures        integer      not null,
    last_failure_at timestamp with time zone not null,
    locked_until    timestamp with time zone
);

-- Break-glass tokens carry the reason they were issued for; the admin page lists the live ones.
alter table api_tokens add column emergency_reason varchar(500);
