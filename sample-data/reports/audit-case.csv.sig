{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case.csv",
  "reportSha256" : "14ec207bbd36097612fb19572c5951a0f780eefd03e14f53bae297dd9fed5912",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "w4eVdinnZVRmN8p/mE1itKtYzr5+zl+qDfhzBT21iwCf/mhjTDfhO7E6UKH3Cr7vyTS+YfyZn57Y6TcSaw6vAw=="
}