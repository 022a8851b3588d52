-- Claims find due messages by status (few are ever waiting); an index on the time of the next
-- attempt as well would be rewritten by every claim and every outcome for nothing.
DROP INDEX sms_message_status;
