create table notes (
    id varchar(36) primary key,
    text varchar(200) not null,
    created timestamp with time zone not null
);
