# Terraform settings for the Citrix policies written by vipctl compile --emit citrix.
# Configure the provider itself (on-premises or Citrix Cloud) in your module: see README.md.

terraform {
  required_providers {
    citrix = {
      source  = "citrix/citrix"
      version = ">= 1.0.15, < 2.0.0"
    }
  }
}
