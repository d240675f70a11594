{
  "algorithm" : "Ed25519",
  "signer" : "root",
  "publicKey" : "MCowBQYDK2VwAyEAd2U0ha8xaHt9vfZmn6BTw+Rtq5hbi0pT+WbKWRXSy/Q=",
  "publicKeyFingerprint" : "aa0ec2fc6e890463ecf4bf1f8cc73b2ee51562b8ae49dd7325100f793efa8b5d",
  "report" : "small-business-bank-Q2.pdf",
  "reportSha256" : "667d5a1e81e5d456d072f01c1034adb62112fe23a85283ce3c18114904885173",
  "verifiedThroughPosition" : 762,
  "headHash" : "7c7e53599af9dca0ae72bea217c8ef40a20e163aa2a670a5af7783de7c3313b0",
  "signature" : "whEnK9UKcwzOjcUpVJCjxKRRTj0i3nS0FSj1eCMteLy/997U2JFRng2DbsPsTcG1NwDilxcrdoRHipSdw7/lAw=="
}