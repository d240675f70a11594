{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case.html",
  "reportSha256" : "d3cf0febddd2365fc00f80edb9c10dd98fedc8d07f99ee39690bd4b8b409f5a9",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "bCnFDcg5uCw6Ux5nNkSu712X0rqBfhzeBV91baGVAhx4EVmGzkpzMQGj35qUVScfdIvk0toPfO6R+MBUxxn7CQ=="
}