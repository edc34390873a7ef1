# Citrix policy for vipctl policy crm-loopback, written by vipctl compile --emit citrix.
# Needs the citrix/citrix provider (citrix_policy_set_v2, citrix_policy, citrix_policy_setting,
# policy filter resources). Priority among the compiled policies: _policy_priority.tf.

data "citrix_policy_set_v2" "crm-loopback" {
  name = "DefaultSitePolicies"
}

resource "citrix_policy" "crm-loopback" {
  policy_set_id = data.citrix_policy_set_v2.crm-loopback.id
  name          = "CRM & Billing 'prod' ‘café’ $x `n;"
  description   = "Line one with <b>bold</b> & 'quotes'\r\nline two: _x000D_ is literal, tab:\there, bell:\u0007, é €"
  enabled       = true
}

resource "citrix_policy_setting" "crm-loopback_virtual_loopback_support" {
  policy_id   = citrix_policy.crm-loopback.id
  name        = "VirtualLoopbackSupport"
  use_default = false
  enabled     = true
}

resource "citrix_policy_setting" "crm-loopback_virtual_loopback_programs" {
  policy_id   = citrix_policy.crm-loopback.id
  name        = "VirtualLoopbackPrograms"
  use_default = false
  value       = jsonencode(["crm.exe", "cti.exe"])
}

data "citrix_delivery_group" "crm-loopback_filter_desktop_group1" {
  name = "Sales & Support"
}

resource "citrix_delivery_group_policy_filter" "crm-loopback_filter_desktop_group1" {
  policy_id         = citrix_policy.crm-loopback.id
  enabled           = true
  allowed           = true
  delivery_group_id = data.citrix_delivery_group.crm-loopback_filter_desktop_group1.id
}

data "citrix_tag" "crm-loopback_filter_desktop_tag1" {
  name = "crm"
}

resource "citrix_tag_policy_filter" "crm-loopback_filter_desktop_tag1" {
  policy_id = citrix_policy.crm-loopback.id
  enabled   = true
  allowed   = true
  tag       = data.citrix_tag.crm-loopback_filter_desktop_tag1.id
}

resource "citrix_client_ip_policy_filter" "crm-loopback_filter_client_ip1" {
  policy_id  = citrix_policy.crm-loopback.id
  enabled    = true
  allowed    = false
  ip_address = "192.0.2.0/24"
}

variable "crm-loopback_filter_user1_sid" {
  description = "SID of CONTOSO\\CRM users (the provider filters users by SID)"
  type        = string
}

resource "citrix_user_policy_filter" "crm-loopback_filter_user1" {
  policy_id = citrix_policy.crm-loopback.id
  enabled   = false
  allowed   = true
  sid       = var.crm-loopback_filter_user1_sid
}

resource "citrix_user_policy_filter" "crm-loopback_filter_user2" {
  policy_id = citrix_policy.crm-loopback.id
  enabled   = true
  allowed   = true
  sid       = "S-1-5-21-1004336348-1177238915-682003330-512"
}
