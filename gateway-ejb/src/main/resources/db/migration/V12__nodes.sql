-- Each node's SMPP binds as it last saw them, so that any node's Operations page shows them all.
CREATE TABLE node_bind (
    node_name VARCHAR(60)  NOT NULL,
    bind_name VARCHAR(80)  NOT NULL,
    state     VARCHAR(255) NOT NULL,
    seen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (node_name, bind_name)
);
