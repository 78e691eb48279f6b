-- An audit batch is appended in one statement that moves the chain heads from where the node's writer left them.
-- When another node moved a head in between, fewer heads move than the batch names: this function then fails the
-- statement, so that none of it (entries, subjects, heads) is kept, and the writer locks and reads the heads instead.
create function audit_require_heads_moved(expected integer, moved bigint) returns bigint language plpgsql as $$
begin
    if moved <> expected then
        raise exception 'the audit chain heads moved: % of % still where this writer left them', moved, expected
            using errcode = 'serialization_failure';
    end if;
    return moved;
end
$$;
