{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case.json",
  "reportSha256" : "1b1dbcefa646d6380c97a46ac48ae259ff51c808d7329053351e691708f19d19",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "edotKED6xSZ1F90b08qbj1tcu75WQnddaYqrLwU/XvO0e2lJbOjFn1NiFnexxo6s+46hZ50tiYIK1fwsgf8bBg=="
}