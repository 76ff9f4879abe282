-- The compliance workspace (docs/decisions/0020): assessments of an organization against the HIPAA Security Rule,
-- one answer per citation of the shipped catalogue, and remediation plan items. A new assessment starts from
-- the last one (previous_id), which keeps the history comparable.
create table compliance_assessments (
    id              uuid primary key,
    organization_id uuid        not null,
    number          int         not null,
    status          varchar(12) not null,
    previous_id     uuid,
    started_at      timestamp with time zone not null,
    started_by      uuid,
    completed_at    timestamp with time zone,
    completed_by    uuid,
    constraint compliance_assessments_number_uq unique (organization_id, number)
);

create table compliance_answers (
    assessment_id uuid         not null references compliance_assessments (id),
    citation      varchar(40)  not null,
    answer        varchar(16),
    evidence      varchar(4000),
    owner         varchar(200),
    likelihood    int,
    impact        int,
    updated_at    timestamp with time zone not null,
    updated_by    uuid,
    primary key (assessment_id, citation)
);

create table compliance_remediations (
    id            uuid primary key,
    assessment_id uuid          not null references compliance_assessments (id),
    citation      varchar(40)   not null,
    action        varchar(1000) not null,
    owner         varchar(200),
    due_on        date          not null,
    done          boolean       not null default false,
    created_at    timestamp with time zone not null
);
create index compliance_remediations_assessment_idx on compliance_remediations (assessment_id);
