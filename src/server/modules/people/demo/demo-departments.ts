// Departments of the demo organisation: localised names, relative size, the head's title, and the
// functions (sub-teams) inside each with their job titles and signature skills from the catalogue.

export type DemoFunction = {
  name: string;
  /** Titles of individual contributors; managers become "Team Lead <function>" and so on. */
  titles: readonly string[];
  /** Catalogue tags nearly everyone in this function has some of. */
  skills: readonly string[];
};

export type DemoDepartment = {
  name: string;
  de: string;
  nl: string;
  /** Relative head count. */
  weight: number;
  headTitle: string;
  /** The department whose head this head reports to, instead of the CEO. */
  reportsTo?: string;
  /** First digits of the department's cost centres. */
  costCentre: number;
  functions: readonly DemoFunction[];
};

const fn = (name: string, titles: readonly string[], skills: readonly string[]): DemoFunction => ({
  name,
  titles,
  skills,
});

/**
 * Ordered by how early a growing company has them: a small demo keeps only the first few. IT and
 * Logistics come last because their heads report to Finance and Operations, which keeps the CEO's span
 * at ten at most.
 */
export const DEPARTMENTS: readonly DemoDepartment[] = [
  {
    name: 'Sales',
    de: 'Vertrieb',
    nl: 'Verkoop',
    weight: 16,
    headTitle: 'Chief Sales Officer',
    costCentre: 11,
    functions: [
      fn(
        'Inside Sales',
        ['Inside Sales Representative', 'Sales Development Representative'],
        ['cold-calling', 'lead-generation', 'crm', 'salesforce', 'objection-handling'],
      ),
      fn(
        'Field Sales',
        ['Account Executive', 'Field Sales Representative'],
        ['negotiation', 'solution-selling', 'territory-planning', 'b2b-sales', 'pipeline-management'],
      ),
      fn('Key Account Management', ['Key Account Manager'], ['key-account-management', 'negotiation', 'account-planning', 'upselling', 'tender-management']),
      fn('Partner Sales', ['Partner Manager', 'Channel Account Manager'], ['partner-management', 'negotiation', 'b2b-sales', 'social-selling']),
      fn(
        'Sales Operations',
        ['Sales Operations Analyst', 'Sales Enablement Specialist'],
        ['sales-forecasting', 'salesforce', 'excel', 'pivot-tables', 'kpi-reporting'],
      ),
    ],
  },
  {
    name: 'Engineering',
    de: 'Softwareentwicklung',
    nl: 'Engineering',
    weight: 16,
    headTitle: 'Chief Technology Officer',
    costCentre: 12,
    functions: [
      fn(
        'Platform',
        ['Software Engineer', 'Site Reliability Engineer', 'DevOps Engineer'],
        ['kubernetes', 'terraform', 'aws', 'observability', 'site-reliability-engineering'],
      ),
      fn('Frontend', ['Frontend Engineer', 'Software Engineer'], ['typescript', 'react', 'javascript', 'accessibility', 'frontend-development']),
      fn('Backend', ['Backend Engineer', 'Software Engineer'], ['typescript', 'nodejs', 'postgresql', 'api-design', 'java', 'golang']),
      fn('Mobile', ['Mobile Engineer'], ['mobile-development', 'kotlin', 'typescript', 'react']),
      fn('Quality Engineering', ['QA Engineer', 'Test Automation Engineer'], ['test-automation', 'ci-cd', 'python', 'code-review']),
      fn('Data Engineering', ['Data Engineer', 'Machine Learning Engineer'], ['data-engineering', 'python', 'sql', 'machine-learning', 'mlops']),
      fn('Embedded Systems', ['Embedded Software Engineer'], ['embedded-systems', 'rust', 'csharp', 'test-automation']),
    ],
  },
  {
    name: 'Customer Support',
    de: 'Kundenservice',
    nl: 'Klantenservice',
    weight: 13,
    headTitle: 'VP Customer Support',
    costCentre: 13,
    functions: [
      fn(
        'First-Level Support',
        ['Customer Service Agent', 'Support Specialist'],
        ['customer-service', 'phone-support', 'live-chat', 'zendesk', 'first-level-support'],
      ),
      fn('Technical Support', ['Technical Support Engineer'], ['ticketing', 'sla-management', 'knowledge-base', 'sql']),
      fn('Customer Success', ['Customer Success Manager'], ['customer-success', 'customer-onboarding', 'churn-prevention', 'crm']),
      fn('Complaints & Escalations', ['Escalation Specialist', 'Complaints Specialist'], ['complaint-handling', 'de-escalation', 'customer-satisfaction']),
    ],
  },
  {
    name: 'Marketing',
    de: 'Marketing',
    nl: 'Marketing',
    weight: 8,
    headTitle: 'Chief Marketing Officer',
    costCentre: 14,
    functions: [
      fn(
        'Digital Marketing',
        ['Performance Marketing Manager', 'SEO Specialist', 'Marketing Automation Specialist'],
        ['seo', 'sea', 'performance-marketing', 'google-analytics', 'marketing-automation'],
      ),
      fn(
        'Brand & Content',
        ['Content Marketing Manager', 'Brand Manager', 'Copywriter', 'Graphic Designer'],
        ['content-marketing', 'brand-management', 'copywriting', 'graphic-design', 'adobe-creative-cloud'],
      ),
      fn('Product Marketing', ['Product Marketing Manager'], ['product-marketing', 'market-research', 'customer-journey', 'presentation']),
      fn('Events', ['Event Manager', 'Event Coordinator'], ['event-management', 'trade-fairs', 'project-management']),
      fn(
        'Social Media',
        ['Social Media Manager', 'Community Manager'],
        ['social-media', 'social-media-marketing', 'community-management', 'content-creation', 'instagram'],
      ),
    ],
  },
  {
    name: 'Operations',
    de: 'Betrieb',
    nl: 'Operations',
    weight: 8,
    headTitle: 'Chief Operating Officer',
    costCentre: 15,
    functions: [
      fn('Process Excellence', ['Process Manager', 'Lean Specialist'], ['process-optimisation', 'lean-management', 'six-sigma', 'process-mapping']),
      fn('Quality Management', ['Quality Manager', 'Quality Auditor'], ['quality-management', 'continuous-improvement', 'standard-operating-procedures']),
      fn('Facility Management', ['Facility Manager', 'Facility Coordinator'], ['facility-management', 'vendor-management', 'energy-management']),
      fn('Health & Safety', ['Health and Safety Officer'], ['health-and-safety', 'risk-management', 'first-aid']),
      fn('Business Operations', ['Operations Analyst', 'Operations Coordinator'], ['kpi-reporting', 'capacity-planning', 'excel', 'budgeting']),
    ],
  },
  {
    name: 'Finance',
    de: 'Finanzen',
    nl: 'Financiën',
    weight: 6,
    headTitle: 'Chief Financial Officer',
    costCentre: 16,
    functions: [
      fn(
        'Accounting',
        ['Accountant', 'Accounts Payable Specialist', 'Accounts Receivable Specialist'],
        ['accounting', 'accounts-payable', 'accounts-receivable', 'month-end-closing', 'datev'],
      ),
      fn('Controlling', ['Controller', 'Financial Analyst'], ['controlling', 'budgeting', 'excel', 'pivot-tables', 'cost-accounting']),
      fn('Treasury', ['Treasury Analyst'], ['treasury', 'financial-forecasting', 'risk-management']),
      fn('Tax', ['Tax Specialist'], ['tax-compliance', 'hgb', 'ifrs']),
      fn('Financial Planning & Analysis', ['FP&A Analyst'], ['financial-modelling', 'financial-forecasting', 'business-cases', 'power-bi']),
    ],
  },
  {
    name: 'Product',
    de: 'Produktmanagement',
    nl: 'Productmanagement',
    weight: 5,
    headTitle: 'Chief Product Officer',
    costCentre: 17,
    functions: [
      fn('Product Management', ['Product Manager', 'Product Owner'], ['product-management', 'roadmapping', 'backlog-management', 'product-discovery', 'okrs']),
      fn('Product Design', ['Product Designer', 'UX Designer', 'UX Researcher'], ['ux-design', 'ui-design', 'figma', 'user-research', 'prototyping']),
      fn('Product Analytics', ['Product Analyst'], ['product-analytics', 'sql', 'ab-testing', 'data-analysis']),
    ],
  },
  {
    name: 'Human Resources',
    de: 'Personal',
    nl: 'HR',
    weight: 5,
    headTitle: 'Chief People Officer',
    costCentre: 18,
    functions: [
      fn('Talent Acquisition', ['Recruiter', 'Talent Sourcer'], ['recruiting', 'active-sourcing', 'interviewing', 'employer-branding']),
      fn('HR Business Partnering', ['HR Business Partner', 'HR Generalist'], ['hr-business-partnering', 'labour-law', 'employee-relations', 'coaching']),
      fn(
        'Payroll & Benefits',
        ['Payroll Specialist', 'Compensation & Benefits Specialist'],
        ['payroll', 'compensation-and-benefits', 'sap-successfactors', 'excel'],
      ),
      fn(
        'Learning & Development',
        ['Learning & Development Specialist', 'Trainer'],
        ['learning-and-development', 'talent-management', 'facilitation', 'coaching'],
      ),
      fn('HR Operations', ['HR Administrator', 'HR Operations Specialist'], ['workday', 'employee-onboarding', 'hr-analytics', 'gdpr']),
    ],
  },
  {
    name: 'Legal',
    de: 'Recht',
    nl: 'Juridische Zaken',
    weight: 2,
    headTitle: 'General Counsel',
    costCentre: 19,
    functions: [
      fn('Corporate Legal', ['Legal Counsel', 'Paralegal'], ['contract-law', 'corporate-law', 'contract-management', 'negotiation']),
      fn('Compliance', ['Compliance Officer', 'Compliance Analyst'], ['compliance', 'anti-corruption', 'whistleblowing', 'export-control']),
      fn('Data Protection', ['Data Protection Specialist'], ['gdpr', 'data-protection-impact-assessment', 'iso-27001', 'eu-ai-act']),
    ],
  },
  {
    name: 'Communications',
    de: 'Kommunikation',
    nl: 'Communicatie',
    weight: 3,
    headTitle: 'Director of Communications',
    costCentre: 20,
    functions: [
      fn(
        'Internal Communications',
        ['Internal Communications Manager', 'Intranet Editor'],
        ['internal-communications', 'change-communications', 'intranet-management', 'editorial-planning'],
      ),
      fn(
        'Corporate Communications',
        ['Corporate Communications Manager', 'Press Officer'],
        ['press-relations', 'corporate-communications', 'crisis-communications', 'speechwriting'],
      ),
      fn('Employer Branding', ['Employer Branding Specialist'], ['employer-branding', 'employee-advocacy', 'social-media', 'storytelling']),
      fn('Creative Services', ['Content Producer', 'Video Producer'], ['video-production', 'photography', 'podcasting', 'graphic-design']),
    ],
  },
  {
    name: 'IT',
    de: 'IT',
    nl: 'IT',
    weight: 6,
    headTitle: 'Chief Information Officer',
    reportsTo: 'Finance',
    costCentre: 21,
    functions: [
      fn('IT Service Desk', ['IT Support Specialist', 'Service Desk Analyst'], ['it-support', 'it-service-management', 'itil', 'microsoft-365', 'servicenow']),
      fn(
        'Infrastructure',
        ['System Administrator', 'Network Engineer', 'Cloud Engineer'],
        ['network-administration', 'linux-administration', 'windows-server', 'azure', 'backup-and-recovery'],
      ),
      fn(
        'Information Security',
        ['Security Analyst', 'Security Engineer'],
        ['cybersecurity', 'iso-27001', 'identity-and-access-management', 'risk-management'],
      ),
      fn(
        'Business Applications',
        ['SAP Consultant', 'Business Application Analyst'],
        ['sap-s4hana', 'sharepoint', 'requirements-engineering', 'process-automation'],
      ),
    ],
  },
  {
    name: 'Logistics',
    de: 'Logistik',
    nl: 'Logistiek',
    weight: 10,
    headTitle: 'VP Logistics',
    reportsTo: 'Operations',
    costCentre: 22,
    functions: [
      fn(
        'Warehouse',
        ['Warehouse Operative', 'Warehouse Coordinator', 'Forklift Operator'],
        ['warehouse-management', 'forklift-licence', 'inventory-management', 'order-fulfilment'],
      ),
      fn('Transport', ['Transport Planner', 'Dispatcher'], ['transport-planning', 'fleet-management', 'last-mile-delivery', 'dangerous-goods']),
      fn('Procurement', ['Buyer', 'Strategic Buyer'], ['procurement', 'negotiation', 'vendor-management', 'sap-mm']),
      fn('Supply Chain Planning', ['Supply Chain Planner', 'Demand Planner'], ['supply-chain-management', 'demand-planning', 'excel', 'sap-s4hana']),
      fn('Customs & Trade', ['Customs Specialist'], ['customs-clearance', 'export-control', 'cold-chain']),
    ],
  },
];

/** Where the CEO sits: not one of the departments, so audiences by department leave them out. */
export const EXECUTIVE_OFFICE = { name: 'Executive Office', de: 'Geschäftsführung', nl: 'Directie' } as const;
