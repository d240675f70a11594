{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEALjXVrRQEwJoGgOuHgGRm1T/NLXmv7z+cykSRCigheHk=",
  "publicKeyFingerprint" : "3b36961fa8dc34f7f2175f4591dd288bccc84e4d0eb2d3cb0d78ceb56b553e86",
  "report" : "audit-case-user-m.vogt.html",
  "reportSha256" : "1b5c6cf90c5430fe50384b875150ee687dd9faff59aa27ce054157c19eb096d6",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "F6Oaqwubb9TaJyRtw3/VokBzXdXHqn64YOJ0k1sXKkG6UqDpk7nNiXijpI6Pkv/mV/vy2T5Z+koKU8gUsPWlAw=="
}