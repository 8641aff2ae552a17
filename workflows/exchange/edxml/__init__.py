"""The edXML format of QCVN 102:2016/BTTTT: plain data (``envelope``), writing it
(``writer``), reading and validating it safely (``reader``) and recognising attachments by
their content (``content``). Nothing here touches the database."""
