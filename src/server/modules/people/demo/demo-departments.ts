// Departments of the demo organisation: names, relative size, the head's title, and the functions
// (sub-teams) inside each with their job titles and signature skills from the catalogue. Department
// and function names are stored in English as stable keys (segments compare them across countries)
// and labelled in German and Dutch (demo-field-labels.ts); job titles are each person's own, in their
// language, as German and Dutch companies write them ("Teamleiterin Vertrieb", "Binnendienstmedewerker").

/**
 * A name in English, German and Dutch. German titles that differ by gender are written
 * `masculine|feminine` ("Buchhalter|Buchhalterin"); see localTitle in demo-titles.ts.
 */
export type Local = readonly [en: string, de: string, nl: string];

export type DemoFunction = {
  name: string;
  de: string;
  nl: string;
  /** Titles of individual contributors; managers become "Team Lead <function>" and so on. */
  titles: readonly Local[];
  /** Catalogue tags nearly everyone in this function has some of. */
  skills: readonly string[];
};

export type DemoDepartment = {
  name: string;
  de: string;
  nl: string;
  /** Relative head count. */
  weight: number;
  headTitle: Local;
  /** The department whose head this head reports to, instead of the CEO. */
  reportsTo?: string;
  /** First digits of the department's cost centres. */
  costCentre: number;
  functions: readonly DemoFunction[];
};

const fn = ([name, de, nl]: Local, titles: readonly Local[], skills: readonly string[]): DemoFunction => ({ name, de, nl, titles, skills });

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
    headTitle: ['Chief Sales Officer', 'Vertriebsdirektor|Vertriebsdirektorin', 'Commercieel directeur'],
    costCentre: 11,
    functions: [
      fn(
        ['Inside Sales', 'Vertriebsinnendienst', 'Binnendienst'],
        [
          ['Inside Sales Representative', 'Vertriebsinnendienstmitarbeiter|Vertriebsinnendienstmitarbeiterin', 'Binnendienstmedewerker'],
          ['Sales Development Representative', 'Mitarbeiter Neukundengewinnung|Mitarbeiterin Neukundengewinnung', 'Medewerker acquisitie'],
        ],
        ['cold-calling', 'lead-generation', 'crm', 'salesforce', 'objection-handling'],
      ),
      fn(
        ['Field Sales', 'Vertriebsaußendienst', 'Buitendienst'],
        [
          ['Account Executive', 'Account Manager|Account Managerin', 'Accountmanager'],
          ['Field Sales Representative', 'Außendienstmitarbeiter|Außendienstmitarbeiterin', 'Vertegenwoordiger buitendienst'],
        ],
        ['negotiation', 'solution-selling', 'territory-planning', 'b2b-sales', 'pipeline-management'],
      ),
      fn(
        ['Key Account Management', 'Key Account Management', 'Key accountmanagement'],
        [['Key Account Manager', 'Key Account Manager|Key Account Managerin', 'Key accountmanager']],
        ['key-account-management', 'negotiation', 'account-planning', 'upselling', 'tender-management'],
      ),
      fn(
        ['Partner Sales', 'Partnervertrieb', 'Partnerverkoop'],
        [
          ['Partner Manager', 'Partnermanager|Partnermanagerin', 'Partnermanager'],
          ['Channel Account Manager', 'Channel Manager|Channel Managerin', 'Channelmanager'],
        ],
        ['partner-management', 'negotiation', 'b2b-sales', 'social-selling'],
      ),
      fn(
        ['Sales Operations', 'Vertriebssteuerung', 'Verkoopondersteuning'],
        [
          ['Sales Operations Analyst', 'Vertriebscontroller|Vertriebscontrollerin', 'Analist verkoopondersteuning'],
          ['Sales Enablement Specialist', 'Referent Vertriebsentwicklung|Referentin Vertriebsentwicklung', 'Specialist sales enablement'],
        ],
        ['sales-forecasting', 'salesforce', 'excel', 'pivot-tables', 'kpi-reporting'],
      ),
    ],
  },
  {
    name: 'Engineering',
    de: 'Softwareentwicklung',
    nl: 'Softwareontwikkeling',
    weight: 16,
    headTitle: ['Chief Technology Officer', 'Technischer Direktor|Technische Direktorin', 'Technisch directeur'],
    costCentre: 12,
    functions: [
      fn(
        ['Platform', 'Plattform', 'Platform'],
        [
          ['Software Engineer', 'Softwareentwickler|Softwareentwicklerin', 'Softwareontwikkelaar'],
          ['Site Reliability Engineer', 'Site Reliability Engineer', 'Site reliability engineer'],
          ['DevOps Engineer', 'DevOps Engineer', 'DevOps-engineer'],
        ],
        ['kubernetes', 'terraform', 'aws', 'observability', 'site-reliability-engineering'],
      ),
      fn(
        ['Frontend', 'Frontend', 'Front-end'],
        [
          ['Frontend Engineer', 'Frontend-Entwickler|Frontend-Entwicklerin', 'Front-end developer'],
          ['Software Engineer', 'Softwareentwickler|Softwareentwicklerin', 'Softwareontwikkelaar'],
        ],
        ['typescript', 'react', 'javascript', 'accessibility', 'frontend-development'],
      ),
      fn(
        ['Backend', 'Backend', 'Back-end'],
        [
          ['Backend Engineer', 'Backend-Entwickler|Backend-Entwicklerin', 'Back-end developer'],
          ['Software Engineer', 'Softwareentwickler|Softwareentwicklerin', 'Softwareontwikkelaar'],
        ],
        ['typescript', 'nodejs', 'postgresql', 'api-design', 'java', 'golang'],
      ),
      fn(
        ['Mobile', 'Mobile Apps', 'Mobiele apps'],
        [['Mobile Engineer', 'App-Entwickler|App-Entwicklerin', 'App-ontwikkelaar']],
        ['mobile-development', 'kotlin', 'typescript', 'react'],
      ),
      fn(
        ['Quality Engineering', 'Qualitätssicherung', 'Kwaliteitsborging'],
        [
          ['QA Engineer', 'Softwaretester|Softwaretesterin', 'Softwaretester'],
          ['Test Automation Engineer', 'Testautomatisierer|Testautomatisiererin', 'Testautomatiseerder'],
        ],
        ['test-automation', 'ci-cd', 'python', 'code-review'],
      ),
      fn(
        ['Data Engineering', 'Data Engineering', 'Data engineering'],
        [
          ['Data Engineer', 'Data Engineer', 'Data engineer'],
          ['Machine Learning Engineer', 'Machine Learning Engineer', 'Machine learning engineer'],
        ],
        ['data-engineering', 'python', 'sql', 'machine-learning', 'mlops'],
      ),
      fn(
        ['Embedded Systems', 'Embedded-Systeme', 'Embedded systemen'],
        [['Embedded Software Engineer', 'Embedded-Softwareentwickler|Embedded-Softwareentwicklerin', 'Embedded softwareontwikkelaar']],
        ['embedded-systems', 'rust', 'csharp', 'test-automation'],
      ),
    ],
  },
  {
    name: 'Customer Support',
    de: 'Kundenservice',
    nl: 'Klantenservice',
    weight: 13,
    headTitle: ['VP Customer Support', 'Leiter Kundenservice|Leiterin Kundenservice', 'Directeur Klantenservice'],
    costCentre: 13,
    functions: [
      fn(
        ['First-Level Support', 'First-Level-Support', 'Eerstelijns klantenservice'],
        [
          ['Customer Service Agent', 'Kundenberater|Kundenberaterin', 'Klantenservicemedewerker'],
          ['Support Specialist', 'Supportmitarbeiter|Supportmitarbeiterin', 'Supportmedewerker'],
        ],
        ['customer-service', 'phone-support', 'live-chat', 'zendesk', 'first-level-support'],
      ),
      fn(
        ['Technical Support', 'Technischer Support', 'Technische ondersteuning'],
        [['Technical Support Engineer', 'Supporttechniker|Supporttechnikerin', 'Technisch supportmedewerker']],
        ['ticketing', 'sla-management', 'knowledge-base', 'sql'],
      ),
      fn(
        ['Customer Success', 'Customer Success', 'Customer success'],
        [['Customer Success Manager', 'Customer Success Manager|Customer Success Managerin', 'Customer success manager']],
        ['customer-success', 'customer-onboarding', 'churn-prevention', 'crm'],
      ),
      fn(
        ['Complaints & Escalations', 'Beschwerdemanagement', 'Klachtenafhandeling'],
        [
          ['Escalation Specialist', 'Eskalationsmanager|Eskalationsmanagerin', 'Escalatiespecialist'],
          ['Complaints Specialist', 'Sachbearbeiter Beschwerdemanagement|Sachbearbeiterin Beschwerdemanagement', 'Medewerker klachtenafhandeling'],
        ],
        ['complaint-handling', 'de-escalation', 'customer-satisfaction'],
      ),
    ],
  },
  {
    name: 'Marketing',
    de: 'Marketing',
    nl: 'Marketing',
    weight: 8,
    headTitle: ['Chief Marketing Officer', 'Marketingleiter|Marketingleiterin', 'Marketingdirecteur'],
    costCentre: 14,
    functions: [
      fn(
        ['Digital Marketing', 'Digitales Marketing', 'Online marketing'],
        [
          ['Performance Marketing Manager', 'Performance Marketing Manager|Performance Marketing Managerin', 'Performance marketeer'],
          ['SEO Specialist', 'SEO-Manager|SEO-Managerin', 'SEO-specialist'],
          ['Marketing Automation Specialist', 'Marketing-Automation-Manager|Marketing-Automation-Managerin', 'Marketing automation specialist'],
        ],
        ['seo', 'sea', 'performance-marketing', 'google-analytics', 'marketing-automation'],
      ),
      fn(
        ['Brand & Content', 'Marke & Content', 'Merk & content'],
        [
          ['Content Marketing Manager', 'Content-Marketing-Manager|Content-Marketing-Managerin', 'Contentmarketeer'],
          ['Brand Manager', 'Markenmanager|Markenmanagerin', 'Merkmanager'],
          ['Copywriter', 'Texter|Texterin', 'Copywriter'],
          ['Graphic Designer', 'Grafikdesigner|Grafikdesignerin', 'Grafisch ontwerper'],
        ],
        ['content-marketing', 'brand-management', 'copywriting', 'graphic-design', 'adobe-creative-cloud'],
      ),
      fn(
        ['Product Marketing', 'Produktmarketing', 'Productmarketing'],
        [['Product Marketing Manager', 'Produktmarketing-Manager|Produktmarketing-Managerin', 'Productmarketeer']],
        ['product-marketing', 'market-research', 'customer-journey', 'presentation'],
      ),
      fn(
        ['Events', 'Veranstaltungen', 'Evenementen'],
        [
          ['Event Manager', 'Eventmanager|Eventmanagerin', 'Evenementenmanager'],
          ['Event Coordinator', 'Eventkoordinator|Eventkoordinatorin', 'Evenementencoördinator'],
        ],
        ['event-management', 'trade-fairs', 'project-management'],
      ),
      fn(
        ['Social Media', 'Social Media', 'Social media'],
        [
          ['Social Media Manager', 'Social-Media-Manager|Social-Media-Managerin', 'Socialmediamanager'],
          ['Community Manager', 'Community Manager|Community Managerin', 'Communitymanager'],
        ],
        ['social-media', 'social-media-marketing', 'community-management', 'content-creation', 'instagram'],
      ),
    ],
  },
  {
    name: 'Operations',
    de: 'Betrieb',
    nl: 'Bedrijfsvoering',
    weight: 8,
    headTitle: ['Chief Operating Officer', 'Betriebsleiter|Betriebsleiterin', 'Operationeel directeur'],
    costCentre: 15,
    functions: [
      fn(
        ['Process Excellence', 'Prozessmanagement', 'Procesmanagement'],
        [
          ['Process Manager', 'Prozessmanager|Prozessmanagerin', 'Procesmanager'],
          ['Lean Specialist', 'Lean-Manager|Lean-Managerin', 'Lean-specialist'],
        ],
        ['process-optimisation', 'lean-management', 'six-sigma', 'process-mapping'],
      ),
      fn(
        ['Quality Management', 'Qualitätsmanagement', 'Kwaliteitsmanagement'],
        [
          ['Quality Manager', 'Qualitätsmanager|Qualitätsmanagerin', 'Kwaliteitsmanager'],
          ['Quality Auditor', 'Qualitätsauditor|Qualitätsauditorin', 'Kwaliteitsauditor'],
        ],
        ['quality-management', 'continuous-improvement', 'standard-operating-procedures'],
      ),
      fn(
        ['Facility Management', 'Gebäudemanagement', 'Facilitair beheer'],
        [
          ['Facility Manager', 'Facility Manager|Facility Managerin', 'Facilitair manager'],
          ['Facility Coordinator', 'Objektbetreuer|Objektbetreuerin', 'Facilitair medewerker'],
        ],
        ['facility-management', 'vendor-management', 'energy-management'],
      ),
      fn(
        ['Health & Safety', 'Arbeitssicherheit', 'Arbo & veiligheid'],
        [['Health and Safety Officer', 'Fachkraft für Arbeitssicherheit', 'Preventiemedewerker']],
        ['health-and-safety', 'risk-management', 'first-aid'],
      ),
      fn(
        ['Business Operations', 'Betriebssteuerung', 'Operationele sturing'],
        [
          ['Operations Analyst', 'Referent Betriebssteuerung|Referentin Betriebssteuerung', 'Operationeel analist'],
          ['Operations Coordinator', 'Koordinator Betrieb|Koordinatorin Betrieb', 'Operationeel coördinator'],
        ],
        ['kpi-reporting', 'capacity-planning', 'excel', 'budgeting'],
      ),
    ],
  },
  {
    name: 'Finance',
    de: 'Finanzen',
    nl: 'Financiën',
    weight: 6,
    headTitle: ['Chief Financial Officer', 'Finanzdirektor|Finanzdirektorin', 'Financieel directeur'],
    costCentre: 16,
    functions: [
      fn(
        ['Accounting', 'Buchhaltung', 'Boekhouding'],
        [
          ['Accountant', 'Buchhalter|Buchhalterin', 'Boekhouder'],
          ['Accounts Payable Specialist', 'Kreditorenbuchhalter|Kreditorenbuchhalterin', 'Medewerker crediteurenadministratie'],
          ['Accounts Receivable Specialist', 'Debitorenbuchhalter|Debitorenbuchhalterin', 'Medewerker debiteurenadministratie'],
        ],
        ['accounting', 'accounts-payable', 'accounts-receivable', 'month-end-closing', 'datev'],
      ),
      fn(
        ['Controlling', 'Controlling', 'Control'],
        [
          ['Controller', 'Controller|Controllerin', 'Controller'],
          ['Financial Analyst', 'Finanzanalyst|Finanzanalystin', 'Financieel analist'],
        ],
        ['controlling', 'budgeting', 'excel', 'pivot-tables', 'cost-accounting'],
      ),
      fn(
        ['Treasury', 'Treasury', 'Treasury'],
        [['Treasury Analyst', 'Treasury-Referent|Treasury-Referentin', 'Treasury-analist']],
        ['treasury', 'financial-forecasting', 'risk-management'],
      ),
      fn(['Tax', 'Steuern', 'Fiscale zaken'], [['Tax Specialist', 'Steuerreferent|Steuerreferentin', 'Fiscalist']], ['tax-compliance', 'hgb', 'ifrs']),
      fn(
        ['Financial Planning & Analysis', 'Finanzplanung & Analyse', 'Financiële planning & analyse'],
        [['FP&A Analyst', 'Referent Finanzplanung|Referentin Finanzplanung', 'Analist financiële planning']],
        ['financial-modelling', 'financial-forecasting', 'business-cases', 'power-bi'],
      ),
    ],
  },
  {
    name: 'Product',
    de: 'Produktmanagement',
    nl: 'Productmanagement',
    weight: 5,
    headTitle: ['Chief Product Officer', 'Leiter Produktmanagement|Leiterin Produktmanagement', 'Productdirecteur'],
    costCentre: 17,
    functions: [
      fn(
        ['Product Management', 'Produktmanagement', 'Productmanagement'],
        [
          ['Product Manager', 'Produktmanager|Produktmanagerin', 'Productmanager'],
          ['Product Owner', 'Product Owner', 'Product owner'],
        ],
        ['product-management', 'roadmapping', 'backlog-management', 'product-discovery', 'okrs'],
      ),
      fn(
        ['Product Design', 'Produktdesign', 'Productontwerp'],
        [
          ['Product Designer', 'Produktdesigner|Produktdesignerin', 'Productontwerper'],
          ['UX Designer', 'UX-Designer|UX-Designerin', 'UX-ontwerper'],
          ['UX Researcher', 'UX-Researcher|UX-Researcherin', 'UX-onderzoeker'],
        ],
        ['ux-design', 'ui-design', 'figma', 'user-research', 'prototyping'],
      ),
      fn(
        ['Product Analytics', 'Produktanalyse', 'Productanalyse'],
        [['Product Analyst', 'Produktanalyst|Produktanalystin', 'Productanalist']],
        ['product-analytics', 'sql', 'ab-testing', 'data-analysis'],
      ),
    ],
  },
  {
    name: 'Human Resources',
    de: 'Personalabteilung',
    nl: 'Personeelszaken',
    weight: 5,
    headTitle: ['Chief People Officer', 'Personalleiter|Personalleiterin', 'HR-directeur'],
    costCentre: 18,
    functions: [
      fn(
        ['Talent Acquisition', 'Personalgewinnung', 'Werving & selectie'],
        [
          ['Recruiter', 'Recruiter|Recruiterin', 'Recruiter'],
          ['Talent Sourcer', 'Talent Sourcer|Talent Sourcerin', 'Sourcer'],
        ],
        ['recruiting', 'active-sourcing', 'interviewing', 'employer-branding'],
      ),
      fn(
        ['HR Business Partnering', 'Personalbetreuung', 'HR-advies'],
        [
          ['HR Business Partner', 'HR Business Partner|HR Business Partnerin', 'HR-businesspartner'],
          ['HR Generalist', 'Personalreferent|Personalreferentin', 'HR-adviseur'],
        ],
        ['hr-business-partnering', 'labour-law', 'employee-relations', 'coaching'],
      ),
      fn(
        ['Payroll & Benefits', 'Entgeltabrechnung', 'Salarisadministratie'],
        [
          ['Payroll Specialist', 'Entgeltabrechner|Entgeltabrechnerin', 'Salarisadministrateur'],
          ['Compensation & Benefits Specialist', 'Referent Vergütung|Referentin Vergütung', 'Specialist arbeidsvoorwaarden'],
        ],
        ['payroll', 'compensation-and-benefits', 'sap-successfactors', 'excel'],
      ),
      fn(
        ['Learning & Development', 'Personalentwicklung', 'Opleiding & ontwikkeling'],
        [
          ['Learning & Development Specialist', 'Personalentwickler|Personalentwicklerin', 'Opleidingsadviseur'],
          ['Trainer', 'Trainer|Trainerin', 'Trainer'],
        ],
        ['learning-and-development', 'talent-management', 'facilitation', 'coaching'],
      ),
      fn(
        ['HR Operations', 'Personaladministration', 'Personeelsadministratie'],
        [
          ['HR Administrator', 'Personalsachbearbeiter|Personalsachbearbeiterin', 'Personeelsadministrateur'],
          ['HR Operations Specialist', 'Spezialist Personaladministration|Spezialistin Personaladministration', 'HR-administratief medewerker'],
        ],
        ['workday', 'employee-onboarding', 'hr-analytics', 'gdpr'],
      ),
    ],
  },
  {
    name: 'Legal',
    de: 'Rechtsabteilung',
    nl: 'Juridische Zaken',
    weight: 2,
    headTitle: ['General Counsel', 'Leiter Rechtsabteilung|Leiterin Rechtsabteilung', 'Directeur Juridische Zaken'],
    costCentre: 19,
    functions: [
      fn(
        ['Corporate Legal', 'Unternehmensrecht', 'Ondernemingsrecht'],
        [
          ['Legal Counsel', 'Syndikusrechtsanwalt|Syndikusrechtsanwältin', 'Bedrijfsjurist'],
          ['Paralegal', 'Rechtsanwaltsfachangestellter|Rechtsanwaltsfachangestellte', 'Juridisch medewerker'],
        ],
        ['contract-law', 'corporate-law', 'contract-management', 'negotiation'],
      ),
      fn(
        ['Compliance', 'Compliance', 'Compliance'],
        [
          ['Compliance Officer', 'Compliance Officer', 'Compliance officer'],
          ['Compliance Analyst', 'Compliance-Referent|Compliance-Referentin', 'Compliance-analist'],
        ],
        ['compliance', 'anti-corruption', 'whistleblowing', 'export-control'],
      ),
      fn(
        ['Data Protection', 'Datenschutz', 'Gegevensbescherming'],
        [['Data Protection Specialist', 'Datenschutzreferent|Datenschutzreferentin', 'Privacy officer']],
        ['gdpr', 'data-protection-impact-assessment', 'iso-27001', 'eu-ai-act'],
      ),
    ],
  },
  {
    name: 'Communications',
    de: 'Kommunikation',
    nl: 'Communicatie',
    weight: 3,
    headTitle: ['Director of Communications', 'Kommunikationsleiter|Kommunikationsleiterin', 'Directeur Communicatie'],
    costCentre: 20,
    functions: [
      fn(
        ['Internal Communications', 'Interne Kommunikation', 'Interne communicatie'],
        [
          ['Internal Communications Manager', 'Referent Interne Kommunikation|Referentin Interne Kommunikation', 'Adviseur interne communicatie'],
          ['Intranet Editor', 'Intranet-Redakteur|Intranet-Redakteurin', 'Intranetredacteur'],
        ],
        ['internal-communications', 'change-communications', 'intranet-management', 'editorial-planning'],
      ),
      fn(
        ['Corporate Communications', 'Unternehmenskommunikation', 'Corporate communicatie'],
        [
          ['Corporate Communications Manager', 'Referent Unternehmenskommunikation|Referentin Unternehmenskommunikation', 'Communicatieadviseur'],
          ['Press Officer', 'Pressesprecher|Pressesprecherin', 'Woordvoerder'],
        ],
        ['press-relations', 'corporate-communications', 'crisis-communications', 'speechwriting'],
      ),
      fn(
        ['Employer Branding', 'Employer Branding', 'Employer branding'],
        [['Employer Branding Specialist', 'Employer-Branding-Manager|Employer-Branding-Managerin', 'Employer branding specialist']],
        ['employer-branding', 'employee-advocacy', 'social-media', 'storytelling'],
      ),
      fn(
        ['Creative Services', 'Kreativservice', 'Creatieve diensten'],
        [
          ['Content Producer', 'Content-Producer|Content-Producerin', 'Contentproducent'],
          ['Video Producer', 'Videoproduzent|Videoproduzentin', 'Videoproducent'],
        ],
        ['video-production', 'photography', 'podcasting', 'graphic-design'],
      ),
    ],
  },
  {
    name: 'IT',
    de: 'IT',
    nl: 'IT',
    weight: 6,
    headTitle: ['Chief Information Officer', 'IT-Leiter|IT-Leiterin', 'IT-directeur'],
    reportsTo: 'Finance',
    costCentre: 21,
    functions: [
      fn(
        ['IT Service Desk', 'IT-Servicedesk', 'IT-servicedesk'],
        [
          ['IT Support Specialist', 'IT-Systembetreuer|IT-Systembetreuerin', 'IT-supportmedewerker'],
          ['Service Desk Analyst', 'Servicedesk-Mitarbeiter|Servicedesk-Mitarbeiterin', 'Servicedeskmedewerker'],
        ],
        ['it-support', 'it-service-management', 'itil', 'microsoft-365', 'servicenow'],
      ),
      fn(
        ['Infrastructure', 'Infrastruktur', 'Infrastructuur'],
        [
          ['System Administrator', 'Systemadministrator|Systemadministratorin', 'Systeembeheerder'],
          ['Network Engineer', 'Netzwerkadministrator|Netzwerkadministratorin', 'Netwerkbeheerder'],
          ['Cloud Engineer', 'Cloud Engineer', 'Cloud engineer'],
        ],
        ['network-administration', 'linux-administration', 'windows-server', 'azure', 'backup-and-recovery'],
      ),
      fn(
        ['Information Security', 'Informationssicherheit', 'Informatiebeveiliging'],
        [
          ['Security Analyst', 'IT-Sicherheitsanalyst|IT-Sicherheitsanalystin', 'Security-analist'],
          ['Security Engineer', 'IT-Sicherheitsingenieur|IT-Sicherheitsingenieurin', 'Security engineer'],
        ],
        ['cybersecurity', 'iso-27001', 'identity-and-access-management', 'risk-management'],
      ),
      fn(
        ['Business Applications', 'Business-Anwendungen', 'Bedrijfsapplicaties'],
        [
          ['SAP Consultant', 'SAP-Berater|SAP-Beraterin', 'SAP-consultant'],
          ['Business Application Analyst', 'Anwendungsbetreuer|Anwendungsbetreuerin', 'Functioneel applicatiebeheerder'],
        ],
        ['sap-s4hana', 'sharepoint', 'requirements-engineering', 'process-automation'],
      ),
    ],
  },
  {
    name: 'Logistics',
    de: 'Logistik',
    nl: 'Logistiek',
    weight: 10,
    headTitle: ['VP Logistics', 'Leiter Logistik|Leiterin Logistik', 'Directeur Logistiek'],
    reportsTo: 'Operations',
    costCentre: 22,
    functions: [
      fn(
        ['Warehouse', 'Lager', 'Magazijn'],
        [
          ['Warehouse Operative', 'Lagermitarbeiter|Lagermitarbeiterin', 'Magazijnmedewerker'],
          ['Warehouse Coordinator', 'Lagerkoordinator|Lagerkoordinatorin', 'Coördinator magazijn'],
          ['Forklift Operator', 'Staplerfahrer|Staplerfahrerin', 'Heftruckchauffeur'],
        ],
        ['warehouse-management', 'forklift-licence', 'inventory-management', 'order-fulfilment'],
      ),
      fn(
        ['Transport', 'Transport', 'Transport'],
        [
          ['Transport Planner', 'Transportplaner|Transportplanerin', 'Transportplanner'],
          ['Dispatcher', 'Disponent|Disponentin', 'Dispatcher'],
        ],
        ['transport-planning', 'fleet-management', 'last-mile-delivery', 'dangerous-goods'],
      ),
      fn(
        ['Procurement', 'Einkauf', 'Inkoop'],
        [
          ['Buyer', 'Einkäufer|Einkäuferin', 'Inkoper'],
          ['Strategic Buyer', 'Strategischer Einkäufer|Strategische Einkäuferin', 'Strategisch inkoper'],
        ],
        ['procurement', 'negotiation', 'vendor-management', 'sap-mm'],
      ),
      fn(
        ['Supply Chain Planning', 'Supply-Chain-Planung', 'Supply chain planning'],
        [
          ['Supply Chain Planner', 'Supply-Chain-Planer|Supply-Chain-Planerin', 'Supply chain planner'],
          ['Demand Planner', 'Bedarfsplaner|Bedarfsplanerin', 'Demand planner'],
        ],
        ['supply-chain-management', 'demand-planning', 'excel', 'sap-s4hana'],
      ),
      fn(
        ['Customs & Trade', 'Zoll & Außenhandel', 'Douane & handel'],
        [['Customs Specialist', 'Zollsachbearbeiter|Zollsachbearbeiterin', 'Douanedeclarant']],
        ['customs-clearance', 'export-control', 'cold-chain'],
      ),
    ],
  },
];

/** Where the CEO sits: not one of the departments, so audiences by department leave them out. */
export const EXECUTIVE_OFFICE = { name: 'Executive Office', de: 'Geschäftsführung', nl: 'Directie' } as const;
