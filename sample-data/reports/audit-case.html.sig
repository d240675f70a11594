{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "audit-case.html",
  "reportSha256" : "adb3ea2ccc8f40405ebe2292924c1a04e0ea639333aa68d3a911002bb730718c",
  "verifiedThroughPosition" : 625,
  "headHash" : "01a5ee30431fd61ac72dfbc8a1e47027c007df769c9d97d3b7ae6500f60cb3a9",
  "signature" : "BXhlD0zDEzcw6q6lWPCyal9oxbQpOBUimNzEKUk4/ZWCIWUbTyrWWsG2Dhpn5MgBmu8jKdujEVqVn8VNVbNgBw=="
}