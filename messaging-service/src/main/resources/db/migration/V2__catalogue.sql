-- The catalogue families choose from when they write: the authority's services (code = the value of
-- agents' « services » claim) and, per service, the themes of a request. Managed by admins; a retired
-- service or theme (active = false) stays readable in old conversations and is refused for new ones.
create table department (
    code        varchar(30)  primary key check (code ~ '^[a-z][a-z0-9-]{1,29}$'),
    name        varchar(100) not null,
    active      boolean      not null default true,
    version     bigint       not null default 0,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);
create unique index department_name on department (lower(name));

create table theme (
    id            bigserial    primary key,
    service_code  varchar(30)  not null references department (code),
    name          varchar(100) not null,
    active        boolean      not null default true,
    version       bigint       not null default 0,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null
);
create unique index theme_name on theme (service_code, lower(name));

-- The demo catalogue (issue 11): four services, the themes that make sense for each (« Autre » everywhere).
insert into department (code, name, created_at, created_by, updated_at, updated_by) values
    ('jeunesse', 'Service Jeunesse', now(), 'system', now(), 'system'),
    ('enfance', 'Service Enfance', now(), 'system', now(), 'system'),
    ('facturation', 'Facturation', now(), 'system', now(), 'system'),
    ('accueil', 'Accueil', now(), 'system', now(), 'system');

insert into theme (service_code, name, created_at, created_by, updated_at, updated_by)
select s.code, t.name, now(), 'system', now(), 'system'
from (values ('jeunesse', 1, 'Inscriptions'), ('jeunesse', 2, 'Tarifs'), ('jeunesse', 3, 'Problème technique'), ('jeunesse', 4, 'Autre'),
             ('enfance', 1, 'Inscriptions'), ('enfance', 2, 'Tarifs'), ('enfance', 3, 'Problème technique'), ('enfance', 4, 'Autre'),
             ('facturation', 1, 'Facture'), ('facturation', 2, 'Tarifs'), ('facturation', 3, 'Problème technique'), ('facturation', 4, 'Autre'),
             ('accueil', 1, 'Inscriptions'), ('accueil', 2, 'Tarifs'), ('accueil', 3, 'Facture'), ('accueil', 4, 'Problème technique'), ('accueil', 5, 'Autre'))
     as t (code, position, name)
join department s on s.code = t.code
order by s.code, t.position;
