{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAc4tgVFbRyXMu9pT6UTlzO2XoBLpJa8L9n2qe66NrKk0=",
  "publicKeyFingerprint" : "c2ad7f92347aa2a6b78f44529d999e4f3d8c21040291b6bcabfa4411f25a4db6",
  "report" : "audit-case.csv",
  "reportSha256" : "420facaec07feea94f10317c09ae043e31b50f8fc0fe34d6e714380b632b9686",
  "verifiedThroughPosition" : 693,
  "headHash" : "c14ce2236b7f2680abfb4b1efd2b5b8d7037218fe9f2b0c9ee0a8300a3e5e164",
  "signature" : "YWEYkQdXxiZjz+YVG3pHuhL1CBBBNaVEIy9yL4a/aUMroVLVpWOdy5cjcENeJT7388/CbUtDg9PB1O4eaZACCw=="
}