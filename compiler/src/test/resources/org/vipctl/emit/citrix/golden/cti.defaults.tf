# Citrix policy for vipctl policy cti.defaults, written by vipctl compile --emit citrix.
# Needs the citrix/citrix provider (citrix_policy_set_v2, citrix_policy, citrix_policy_setting,
# policy filter resources). Priority among the compiled policies: _policy_priority.tf.

data "citrix_policy_set_v2" "cti_defaults" {
  name = "Contact centre policies"
}

resource "citrix_policy" "cti_defaults" {
  policy_set_id = data.citrix_policy_set_v2.cti_defaults.id
  name          = "cti.defaults"
  description   = "CTI policy kept at Citrix defaults"
  enabled       = false
}

resource "citrix_policy_setting" "cti_defaults_virtual_loopback_support" {
  policy_id   = citrix_policy.cti_defaults.id
  name        = "VirtualLoopbackSupport"
  use_default = false
  enabled     = false
}

resource "citrix_policy_setting" "cti_defaults_virtual_loopback_programs" {
  policy_id   = citrix_policy.cti_defaults.id
  name        = "VirtualLoopbackPrograms"
  use_default = true
}
