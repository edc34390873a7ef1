# Where the policies compiled by vipctl rank within each policy set (1 = highest).
# citrix_policy_priority must list every policy of the set, so the current order is read
# with the citrix_policy_priority data source, the compiled policies are taken out of it and
# put back at their YAML priority (capped at the end of the list); the other policies keep
# their relative order.

data "citrix_policy_priority" "DefaultSitePolicies" {
  policy_set_id = data.citrix_policy_set_v2.crm-loopback.id
}

locals {
  DefaultSitePolicies_managed_names = [lower("CRM & Billing 'prod' ‘café’ $x `n;")]
  DefaultSitePolicies_managed_ids   = [citrix_policy.crm-loopback.id]
  DefaultSitePolicies_others = [
    for i, id in data.citrix_policy_priority.DefaultSitePolicies.policy_priority : id
    if !contains(local.DefaultSitePolicies_managed_names, lower(data.citrix_policy_priority.DefaultSitePolicies.policy_names[i])) && !contains(local.DefaultSitePolicies_managed_ids, id)
  ]
  DefaultSitePolicies_count = length(local.DefaultSitePolicies_others)
}

resource "citrix_policy_priority" "DefaultSitePolicies" {
  policy_set_id = data.citrix_policy_set_v2.crm-loopback.id
  policy_priority = concat(
    [citrix_policy.crm-loopback.id],
    slice(local.DefaultSitePolicies_others, 0, local.DefaultSitePolicies_count),
  )
}

data "citrix_policy_priority" "Contact_centre_policies" {
  policy_set_id = data.citrix_policy_set_v2.cti_defaults.id
}

locals {
  Contact_centre_policies_managed_names = [lower("cti.defaults")]
  Contact_centre_policies_managed_ids   = [citrix_policy.cti_defaults.id]
  Contact_centre_policies_others = [
    for i, id in data.citrix_policy_priority.Contact_centre_policies.policy_priority : id
    if !contains(local.Contact_centre_policies_managed_names, lower(data.citrix_policy_priority.Contact_centre_policies.policy_names[i])) && !contains(local.Contact_centre_policies_managed_ids, id)
  ]
  Contact_centre_policies_count = length(local.Contact_centre_policies_others)
}

resource "citrix_policy_priority" "Contact_centre_policies" {
  policy_set_id = data.citrix_policy_set_v2.cti_defaults.id
  policy_priority = concat(
    slice(local.Contact_centre_policies_others, 0, min(1, local.Contact_centre_policies_count)),
    [citrix_policy.cti_defaults.id],
    slice(local.Contact_centre_policies_others, min(1, local.Contact_centre_policies_count), local.Contact_centre_policies_count),
  )
}
