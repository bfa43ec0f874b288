/**
 * The purchase's last part, the contract (合同与履约): signing it with its terms and milestones, publishing
 * it, the provider's milestone reports, their acceptance and payment approval, the final performance
 * evaluation and its grade on the provider's record. Its steps: sign-contract, publish-contract,
 * report-contract-milestone, accept-contract-milestone, approve-contract-payment, final-evaluation.
 */
package cn.shequ.procurement.contract;
