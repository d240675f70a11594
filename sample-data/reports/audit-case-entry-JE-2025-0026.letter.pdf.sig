{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case-entry-JE-2025-0026.letter.pdf",
  "reportSha256" : "aca373c8ea1cdde626719cec05684eff402b0ef0797135d8be79598cadd04486",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "XFDs2d5E6HjdQErkMZoui/BhZrqnUv5fpayuSwbB8CbpvPlDIBTzVQ53ZKIFHsJOJDnEbHRRZ0o4Nd3e6UXpDQ=="
}