{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case-user-m.vogt.html",
  "reportSha256" : "bace6cad3c70eeb3272cc5f6b030fb8e5c92b9c3fb52614bcffa5f57ccddef5f",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "wiQ1gUjpLC7WKlE1LqcXmCgwJEDdhG0/AdB4ljY4WRVcPYgV6hgOG746JwYFcieiUyzZhggDlnoBzrwje3QqDw=="
}