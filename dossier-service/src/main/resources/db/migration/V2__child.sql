-- The children of a dossier, and the activities each is registered for (e.g. « Repas Enfants »).
create table child (
    id          bigserial primary key,
    dossier_id  bigint       not null references dossier (id),
    first_name  varchar(100) not null,
    last_name   varchar(100) not null,
    birth_date  date         not null,
    school      varchar(200),
    class_name  varchar(50),
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);
create index child_dossier on child (dossier_id);

create table child_activity (
    child_id  bigint       not null references child (id) on delete cascade,
    position  integer      not null,
    activity  varchar(200) not null,
    primary key (child_id, position)
);
