# Order of the policies compiled by vipctl within each policy set (1 = highest).
# citrix_policy_priority ranks the listed policies above every other policy of the set.

resource "citrix_policy_priority" "DefaultSitePolicies" {
  policy_set_id = data.citrix_policy_set_v2.crm-loopback.id
  policy_priority = [
    citrix_policy.crm-loopback.id,
  ]
}

resource "citrix_policy_priority" "Contact_centre_policies" {
  policy_set_id = data.citrix_policy_set_v2.cti_defaults.id
  policy_priority = [
    citrix_policy.cti_defaults.id,
  ]
}
