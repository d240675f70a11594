{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case.json",
  "reportSha256" : "e90ef6a402da72ee888b48f1a3ccc25ae4497b1aa3b71902b540ed7d39d241e2",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "sIT9oZx32z4JTEjZszGWBhIiTFNaVnM6/yVAmt8cPzyeFJH3EowHNJ9R/Idm1rdWctiXSokUwjoHjbZYOMK6CA=="
}