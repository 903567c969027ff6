// Vocabularies the search/match data generator builds postings and profiles from. Invented but
// realistic: role families with their title variants, skill pools (mixing canonical names and the
// aliases people actually write: "Postgres", "k8s", "ReactJS"), responsibilities and weights; cities
// with accents, countries, currencies and pay levels; company name parts.

export interface RoleFamily {
  /** relative frequency on the board */
  weight: number;
  titles: string[];
  skills: string[];
  responsibilities: string[];
  team: string;
  /** typical yearly base salary in EUR for a mid-level hire */
  salary: number;
}

export const roleFamilies: RoleFamily[] = [
  {
    weight: 9, team: "backend", salary: 68000,
    titles: ["Backend Engineer", "Backend Developer", "Software Engineer, Backend", "Server-Side Engineer", "API Engineer"],
    skills: ["Go", "golang", "Java", "Python", "PostgreSQL", "Postgres", "Redis", "Kafka", "Docker", "Kubernetes", "k8s", "gRPC", "REST APIs", "AWS", "Microservices", "SQL"],
    responsibilities: ["design and build scalable APIs", "own services end to end in production", "improve the reliability of our payment flows", "model data and write efficient queries", "review code and mentor other engineers", "break a monolith into well-defined services"],
  },
  {
    weight: 8, team: "frontend", salary: 62000,
    titles: ["Frontend Engineer", "Frontend Developer", "Software Engineer, Frontend", "UI Engineer", "Web Developer"],
    skills: ["React", "ReactJS", "TypeScript", "TS", "JavaScript", "JS", "Next.js", "CSS", "HTML", "Redux", "Tailwind CSS", "Jest", "Vite", "GraphQL", "Web Accessibility", "Vue.js"],
    responsibilities: ["build accessible, fast user interfaces", "own our design system components", "work closely with designers on new features", "improve Core Web Vitals across the product", "write well-tested frontend code"],
  },
  {
    weight: 8, team: "product engineering", salary: 65000,
    titles: ["Full Stack Engineer", "Full Stack Developer", "Software Engineer", "Product Engineer", "Senior Software Engineer"],
    skills: ["TypeScript", "JavaScript", "React", "Node.js", "Node", "PostgreSQL", "GraphQL", "Docker", "AWS", "Next.js", "Express", "MongoDB", "Python", "Supabase"],
    responsibilities: ["ship features across the whole stack", "talk to customers and turn feedback into product", "own features from idea to production", "keep our codebase healthy and well tested"],
  },
  {
    weight: 6, team: "data platform", salary: 67000,
    titles: ["Data Engineer", "Big Data Engineer", "Data Platform Engineer", "ETL Developer"],
    skills: ["Python", "SQL", "Apache Spark", "PySpark", "Apache Airflow", "Airflow", "dbt", "Snowflake", "BigQuery", "Kafka", "AWS", "Scala", "ETL", "Data Modeling", "Databricks"],
    responsibilities: ["build reliable batch and streaming pipelines", "own our data warehouse and its models", "make data discoverable and trustworthy", "optimise pipelines that process billions of events"],
  },
  {
    weight: 4, team: "data science", salary: 66000,
    titles: ["Data Scientist", "Senior Data Scientist", "Applied Scientist", "Quantitative Analyst"],
    skills: ["Python", "R", "SQL", "pandas", "NumPy", "scikit-learn", "Statistics", "Machine Learning", "ML", "TensorFlow", "PyTorch", "Tableau", "Deep Learning"],
    responsibilities: ["design experiments and analyse their results", "build models that forecast demand", "turn messy data into decisions", "present findings to leadership"],
  },
  {
    weight: 4, team: "machine learning", salary: 75000,
    titles: ["Machine Learning Engineer", "ML Engineer", "AI Engineer", "LLM Engineer", "MLOps Engineer"],
    skills: ["Python", "PyTorch", "TensorFlow", "MLOps", "Kubernetes", "Docker", "AWS", "Machine Learning", "Deep Learning", "NLP", "LLM", "Hugging Face", "LangChain", "Generative AI", "FastAPI"],
    responsibilities: ["train and deploy models to production", "build retrieval and evaluation pipelines for LLM features", "own the model serving infrastructure", "measure and improve model quality"],
  },
  {
    weight: 5, team: "infrastructure", salary: 66000,
    titles: ["DevOps Engineer", "Cloud Engineer", "Infrastructure Engineer", "Build and Release Engineer"],
    skills: ["Kubernetes", "k8s", "Docker", "Terraform", "AWS", "GCP", "Azure", "CI/CD", "Jenkins", "GitHub Actions", "Ansible", "Linux", "Prometheus", "Grafana", "Helm", "Bash"],
    responsibilities: ["automate our infrastructure with code", "run Kubernetes clusters across regions", "build fast and safe CI/CD pipelines", "keep cloud costs under control"],
  },
  {
    weight: 3, team: "reliability", salary: 72000,
    titles: ["Site Reliability Engineer", "SRE", "Production Engineer", "Reliability Engineer"],
    skills: ["Kubernetes", "Go", "Python", "Linux", "Prometheus", "Grafana", "Terraform", "AWS", "SRE", "Datadog", "OpenTelemetry", "Bash", "PostgreSQL"],
    responsibilities: ["define SLOs and keep us within them", "lead incident response and blameless postmortems", "improve observability across services", "remove toil through automation"],
  },
  {
    weight: 3, team: "platform", salary: 74000,
    titles: ["Platform Engineer", "Staff Platform Engineer", "Developer Platform Engineer", "Kubernetes Engineer"],
    skills: ["Kubernetes", "Go", "Terraform", "AWS", "Docker", "Helm", "Argo CD", "Istio", "CI/CD", "Linux", "PostgreSQL", "gRPC"],
    responsibilities: ["build the internal developer platform", "make deployments boring and safe", "own the service mesh and networking", "provide paved roads for product teams"],
  },
  {
    weight: 2, team: "mobile", salary: 63000,
    titles: ["iOS Developer", "iOS Engineer", "Mobile Engineer, iOS"],
    skills: ["Swift", "SwiftUI", "iOS", "Objective-C", "Xcode", "Combine", "REST APIs", "Git"],
    responsibilities: ["build our iOS app used by millions", "own app performance and stability", "ship features with product and design"],
  },
  {
    weight: 2, team: "mobile", salary: 62000,
    titles: ["Android Developer", "Android Engineer", "Mobile Engineer, Android"],
    skills: ["Kotlin", "Android", "Jetpack Compose", "Java", "Gradle", "REST APIs", "Git", "Coroutines"],
    responsibilities: ["build our Android app", "modernise the codebase with Jetpack Compose", "own release quality and crash rates"],
  },
  {
    weight: 2, team: "mobile", salary: 60000,
    titles: ["React Native Developer", "Flutter Developer", "Mobile Developer", "Cross-Platform Mobile Engineer"],
    skills: ["React Native", "Flutter", "Dart", "TypeScript", "JavaScript", "iOS", "Android", "Redux", "Firebase"],
    responsibilities: ["ship one app to iOS and Android", "build reusable mobile components", "integrate with native modules when needed"],
  },
  {
    weight: 3, team: "quality", salary: 52000,
    titles: ["QA Engineer", "Test Automation Engineer", "Software Engineer in Test", "Quality Assurance Analyst"],
    skills: ["Selenium", "Cypress", "Playwright", "Jest", "pytest", "Java", "Python", "CI/CD", "TDD", "JUnit", "JavaScript"],
    responsibilities: ["automate end-to-end tests", "own the test strategy for a product area", "catch regressions before customers do"],
  },
  {
    weight: 2, team: "security", salary: 72000,
    titles: ["Security Engineer", "Application Security Engineer", "Cloud Security Engineer", "Penetration Tester"],
    skills: ["Cybersecurity", "Penetration Testing", "OWASP", "AWS", "Linux", "Python", "OAuth", "Kubernetes", "SIEM", "Threat Modeling"],
    responsibilities: ["run threat models with engineering teams", "find and fix vulnerabilities", "harden our cloud environment", "respond to security incidents"],
  },
  {
    weight: 2, team: "database", salary: 65000,
    titles: ["Database Administrator", "Database Engineer", "PostgreSQL DBA", "Database Reliability Engineer"],
    skills: ["PostgreSQL", "Postgres", "psql", "MySQL", "Oracle", "SQL Server", "SQL", "Linux", "Bash", "AWS", "Redis", "MongoDB"],
    responsibilities: ["keep our databases fast and available", "plan capacity, backups and upgrades", "tune queries and indexes", "automate failover and recovery"],
  },
  {
    weight: 2, team: "architecture", salary: 85000,
    titles: ["Solutions Architect", "Cloud Architect", "Software Architect", "Enterprise Architect"],
    skills: ["AWS", "Azure", "GCP", "Terraform", "Kubernetes", "Serverless", "Microservices", "System Design", "Java", "Event-Driven Architecture"],
    responsibilities: ["design the architecture of new products", "guide teams through technical decisions", "work with customers on their cloud migration"],
  },
  {
    weight: 4, team: "product", salary: 70000,
    titles: ["Product Manager", "Senior Product Manager", "Technical Product Manager", "Product Owner"],
    skills: ["Product Management", "Agile", "Scrum", "Jira", "SQL", "Stakeholder Management", "Communication", "UX Design", "Figma", "A/B Testing"],
    responsibilities: ["own the roadmap of a product area", "talk to customers every week", "work with engineering and design on discovery", "define and track success metrics"],
  },
  {
    weight: 3, team: "design", salary: 58000,
    titles: ["Product Designer", "UX Designer", "UI Designer", "UX Researcher"],
    skills: ["Figma", "UX Design", "UI Design", "User Research", "Prototyping", "Web Accessibility", "HTML", "CSS", "Design Systems"],
    responsibilities: ["design end-to-end experiences", "run user research and usability tests", "evolve our design system"],
  },
  {
    weight: 2, team: "engineering leadership", salary: 95000,
    titles: ["Engineering Manager", "Head of Engineering", "VP of Engineering", "Team Lead"],
    skills: ["Leadership", "Mentoring", "Agile", "System Design", "Stakeholder Management", "Scrum", "Java", "Go", "Python", "Hiring"],
    responsibilities: ["lead and grow a team of engineers", "hire great people", "balance delivery with technical health", "run effective planning"],
  },
  {
    weight: 4, team: "analytics", salary: 52000,
    titles: ["Data Analyst", "Business Intelligence Analyst", "Analytics Engineer", "Product Analyst"],
    skills: ["SQL", "Excel", "Tableau", "Power BI", "Looker", "Python", "Statistics", "Data Modeling", "dbt", "BigQuery"],
    responsibilities: ["build dashboards the business relies on", "answer product questions with data", "model clean, documented datasets"],
  },
  {
    weight: 2, team: "embedded", salary: 62000,
    titles: ["Embedded Software Engineer", "Firmware Engineer", "Embedded Systems Engineer"],
    skills: ["C", "C++", "Embedded Linux", "RTOS", "Python", "Linux", "Assembly", "Rust"],
    responsibilities: ["write firmware for connected devices", "bring up new hardware", "optimise for memory and power"],
  },
  {
    weight: 1, team: "games", salary: 55000,
    titles: ["Game Developer", "Gameplay Programmer", "Unity Developer", "Graphics Programmer"],
    skills: ["C++", "C#", "Unity", "Unreal Engine", "3D Math", "Git", "Lua"],
    responsibilities: ["build gameplay systems", "optimise rendering performance", "prototype new mechanics with designers"],
  },
  {
    weight: 4, team: "backend", salary: 62000,
    titles: ["Java Developer", "Java Software Engineer", "Senior Java Developer", "Kotlin Backend Developer"],
    skills: ["Java", "Spring Boot", "Spring", "Hibernate", "Microservices", "Kafka", "PostgreSQL", "Docker", "Kubernetes", "JUnit", "Maven", "Kotlin"],
    responsibilities: ["build Spring Boot microservices", "modernise legacy Java systems", "integrate with partners through Kafka"],
  },
  {
    weight: 4, team: "backend", salary: 60000,
    titles: ["Python Developer", "Python Engineer", "Django Developer", "Backend Python Developer"],
    skills: ["Python", "Django", "Flask", "FastAPI", "PostgreSQL", "Celery", "Docker", "REST APIs", "pytest", "AWS", "Redis"],
    responsibilities: ["build Django and FastAPI services", "own background jobs and integrations", "keep our APIs fast and well documented"],
  },
  {
    weight: 3, team: "backend", salary: 58000,
    titles: [".NET Developer", "C# Developer", "Software Engineer, .NET", "ASP.NET Developer"],
    skills: ["C#", ".NET", "ASP.NET Core", "SQL Server", "Azure", "Entity Framework", "Microservices", "REST APIs"],
    responsibilities: ["build services on .NET and Azure", "migrate applications to the cloud", "improve performance of core APIs"],
  },
  {
    weight: 1, team: "backend", salary: 60000,
    titles: ["Ruby on Rails Developer", "Ruby Engineer", "Rails Developer"],
    skills: ["Ruby", "Rails", "Ruby on Rails", "PostgreSQL", "Redis", "Sidekiq", "RSpec", "Docker", "AWS"],
    responsibilities: ["ship features in a mature Rails codebase", "improve test coverage and speed", "own background processing"],
  },
  {
    weight: 2, team: "web", salary: 48000,
    titles: ["PHP Developer", "Laravel Developer", "Symfony Developer", "WordPress Developer"],
    skills: ["PHP", "Laravel", "Symfony", "MySQL", "JavaScript", "Docker", "Redis", "Vue.js"],
    responsibilities: ["build and maintain web applications", "integrate payment providers", "improve page speed"],
  },
  {
    weight: 1, team: "documentation", salary: 52000,
    titles: ["Technical Writer", "Documentation Engineer", "Developer Advocate"],
    skills: ["Technical Writing", "Markdown", "Git", "API Design", "Communication", "JavaScript"],
    responsibilities: ["write guides and API references", "make our docs the best in the industry", "talk at conferences and meetups"],
  },
  {
    weight: 1, team: "web3", salary: 80000,
    titles: ["Blockchain Engineer", "Smart Contract Developer", "Rust Engineer", "Protocol Engineer"],
    skills: ["Solidity", "Rust", "Go", "TypeScript", "Ethereum", "Cryptography", "Distributed Systems"],
    responsibilities: ["write and audit smart contracts", "build protocol infrastructure", "work on consensus and networking code"],
  },
  {
    weight: 2, team: "customer engineering", salary: 65000,
    titles: ["Solutions Engineer", "Sales Engineer", "Customer Engineer", "Technical Account Manager"],
    skills: ["Communication", "REST APIs", "SQL", "Python", "JavaScript", "AWS", "Stakeholder Management"],
    responsibilities: ["run technical demos for prospects", "help customers integrate our API", "be the voice of the customer to product"],
  },
  {
    weight: 2, team: "IT", salary: 40000,
    titles: ["IT Support Specialist", "System Administrator", "IT Administrator", "Help Desk Technician"],
    skills: ["Linux", "Windows Server", "Networking", "Bash", "PowerShell", "Jira", "Active Directory"],
    responsibilities: ["keep our laptops and networks running", "onboard new colleagues", "manage identity and access"],
  },
  {
    weight: 1, team: "delivery", salary: 58000,
    titles: ["Scrum Master", "Agile Coach", "Delivery Manager", "Project Manager"],
    skills: ["Scrum", "Agile", "Kanban", "Jira", "Confluence", "Mentoring", "Project Management"],
    responsibilities: ["coach teams in agile practices", "remove impediments", "run planning and retrospectives"],
  },
  {
    weight: 2, team: "marketing", salary: 50000,
    titles: ["Marketing Manager", "Growth Marketer", "Content Marketing Manager", "SEO Specialist"],
    skills: ["SEO", "Google Analytics", "Content Strategy", "Communication", "HubSpot", "Copywriting"],
    responsibilities: ["grow our organic traffic", "run campaigns across channels", "own the content calendar"],
  },
  {
    weight: 3, team: "sales", salary: 55000,
    titles: ["Account Executive", "Sales Development Representative", "Customer Success Manager", "Account Manager"],
    skills: ["Salesforce", "Communication", "Negotiation", "HubSpot", "Stakeholder Management"],
    responsibilities: ["close new business", "grow existing accounts", "help customers get value from the product"],
  },
  {
    weight: 2, team: "people", salary: 48000,
    titles: ["Technical Recruiter", "Talent Acquisition Partner", "HR Business Partner", "People Operations Manager"],
    skills: ["Recruiting", "Communication", "Stakeholder Management", "Greenhouse", "Employer Branding"],
    responsibilities: ["hire engineers and designers", "run a great candidate experience", "partner with managers on their teams"],
  },
  {
    weight: 2, team: "finance", salary: 55000,
    titles: ["Financial Analyst", "Accountant", "FP&A Analyst", "Controller"],
    skills: ["Excel", "Financial Modeling", "SQL", "SAP", "Power BI", "Communication"],
    responsibilities: ["own monthly reporting", "build the budget model", "support fundraising and audits"],
  },
];

export const seniorities: Array<{ prefix: string; weight: number; pay: number }> = [
  { prefix: "Junior ", weight: 10, pay: 0.7 },
  { prefix: "", weight: 40, pay: 1.0 },
  { prefix: "Senior ", weight: 30, pay: 1.3 },
  { prefix: "Staff ", weight: 6, pay: 1.6 },
  { prefix: "Principal ", weight: 3, pay: 1.8 },
  { prefix: "Lead ", weight: 8, pay: 1.45 },
  { prefix: "Intern ", weight: 3, pay: 0.35 },
];

export const titleSuffixes: string[] = ["", "", "", "", "", "", " (m/f/d)", ", Payments", ", Growth", ", Platform", " - Remote", ", Core Banking", ", Search", " II"];

export interface City {
  city: string;
  country: string;
  currency: string;
  /** pay relative to the EUR baseline, in the local currency */
  pay: number;
  weight: number;
}

export const cities: City[] = [
  { city: "Berlin", country: "DE", currency: "EUR", pay: 1.0, weight: 8 },
  { city: "München", country: "DE", currency: "EUR", pay: 1.1, weight: 5 },
  { city: "Hamburg", country: "DE", currency: "EUR", pay: 1.0, weight: 3 },
  { city: "Köln", country: "DE", currency: "EUR", pay: 0.95, weight: 2 },
  { city: "Düsseldorf", country: "DE", currency: "EUR", pay: 0.95, weight: 2 },
  { city: "Frankfurt am Main", country: "DE", currency: "EUR", pay: 1.05, weight: 3 },
  { city: "Zürich", country: "CH", currency: "CHF", pay: 1.7, weight: 4 },
  { city: "Genève", country: "CH", currency: "CHF", pay: 1.6, weight: 2 },
  { city: "Wien", country: "AT", currency: "EUR", pay: 0.9, weight: 2 },
  { city: "Amsterdam", country: "NL", currency: "EUR", pay: 1.05, weight: 5 },
  { city: "Rotterdam", country: "NL", currency: "EUR", pay: 0.95, weight: 1 },
  { city: "Paris", country: "FR", currency: "EUR", pay: 0.95, weight: 6 },
  { city: "Lyon", country: "FR", currency: "EUR", pay: 0.8, weight: 2 },
  { city: "Madrid", country: "ES", currency: "EUR", pay: 0.7, weight: 3 },
  { city: "Barcelona", country: "ES", currency: "EUR", pay: 0.7, weight: 3 },
  { city: "Málaga", country: "ES", currency: "EUR", pay: 0.6, weight: 1 },
  { city: "Lisboa", country: "PT", currency: "EUR", pay: 0.55, weight: 3 },
  { city: "Porto", country: "PT", currency: "EUR", pay: 0.5, weight: 1 },
  { city: "Milano", country: "IT", currency: "EUR", pay: 0.7, weight: 2 },
  { city: "Stockholm", country: "SE", currency: "SEK", pay: 11.0, weight: 4 },
  { city: "Malmö", country: "SE", currency: "SEK", pay: 10.0, weight: 1 },
  { city: "Göteborg", country: "SE", currency: "SEK", pay: 10.0, weight: 1 },
  { city: "København", country: "DK", currency: "DKK", pay: 8.0, weight: 2 },
  { city: "Oslo", country: "NO", currency: "NOK", pay: 11.5, weight: 2 },
  { city: "Helsinki", country: "FI", currency: "EUR", pay: 0.85, weight: 2 },
  { city: "Reykjavík", country: "IS", currency: "ISK", pay: 140, weight: 1 },
  { city: "Warszawa", country: "PL", currency: "PLN", pay: 3.0, weight: 3 },
  { city: "Kraków", country: "PL", currency: "PLN", pay: 2.8, weight: 2 },
  { city: "Wrocław", country: "PL", currency: "PLN", pay: 2.7, weight: 1 },
  { city: "Praha", country: "CZ", currency: "CZK", pay: 18, weight: 2 },
  { city: "Budapest", country: "HU", currency: "HUF", pay: 230, weight: 1 },
  { city: "București", country: "RO", currency: "RON", pay: 2.5, weight: 1 },
  { city: "Dublin", country: "IE", currency: "EUR", pay: 1.1, weight: 4 },
  { city: "London", country: "GB", currency: "GBP", pay: 0.95, weight: 9 },
  { city: "Manchester", country: "GB", currency: "GBP", pay: 0.75, weight: 2 },
  { city: "Edinburgh", country: "GB", currency: "GBP", pay: 0.75, weight: 1 },
  { city: "New York", country: "US", currency: "USD", pay: 1.9, weight: 8 },
  { city: "San Francisco", country: "US", currency: "USD", pay: 2.1, weight: 6 },
  { city: "Seattle", country: "US", currency: "USD", pay: 1.9, weight: 3 },
  { city: "Austin", country: "US", currency: "USD", pay: 1.6, weight: 3 },
  { city: "Chicago", country: "US", currency: "USD", pay: 1.6, weight: 2 },
  { city: "Boston", country: "US", currency: "USD", pay: 1.8, weight: 2 },
  { city: "Toronto", country: "CA", currency: "CAD", pay: 1.7, weight: 3 },
  { city: "Montréal", country: "CA", currency: "CAD", pay: 1.5, weight: 2 },
  { city: "Vancouver", country: "CA", currency: "CAD", pay: 1.7, weight: 1 },
  { city: "São Paulo", country: "BR", currency: "BRL", pay: 3.0, weight: 2 },
  { city: "Bogotá", country: "CO", currency: "COP", pay: 2500, weight: 1 },
  { city: "Ciudad de México", country: "MX", currency: "MXN", pay: 9.0, weight: 1 },
  { city: "Bengaluru", country: "IN", currency: "INR", pay: 25, weight: 3 },
  { city: "Singapore", country: "SG", currency: "SGD", pay: 1.5, weight: 2 },
  { city: "Tokyo", country: "JP", currency: "JPY", pay: 120, weight: 1 },
  { city: "Sydney", country: "AU", currency: "AUD", pay: 1.8, weight: 2 },
  { city: "Tel Aviv", country: "IL", currency: "ILS", pay: 4.5, weight: 1 },
];

export const companyPrefixes: string[] = [
  "Nordic", "Blue", "Bright", "Quantum", "Cedar", "Atlas", "Nimbus", "Vertex", "Lumen", "Polar", "Harbor", "Summit",
  "Crimson", "Silver", "Iron", "Granite", "Aurora", "Echo", "Nova", "Pixel", "Orbit", "Signal", "Delta", "Fjord",
  "Alpine", "Coral", "Maple", "Urban", "Swift", "Prism", "Kestrel", "Falcon", "Beacon", "Cobalt", "Ember", "Helix",
  "Juniper", "Lattice", "Meridian", "Onyx", "Crème", "Björk", "Zürcher", "Ålborg", "Señor", "Étoile",
];

export const companySuffixes: string[] = [
  "Labs", "Systems", "Analytics", "Health", "Pay", "Logistics", "Robotics", "Energy", "Bank", "Insurance", "Retail",
  "Games", "Media", "Cloud", "Security", "Mobility", "Foods", "Bio", "Works", "Studio", "Networks", "Data", "AI",
  "Software", "Capital", "Travel", "Learning", "Motors", "Telecom", "Commerce",
];

export const legalForms: string[] = ["", "", "", " GmbH", " AB", " Ltd", " Inc.", " SA", " BV", " Oy", " AG", " SAS"];

export const domains: string[] = [
  "fintech", "healthtech", "logistics", "e-commerce", "climate tech", "mobility", "insurance", "gaming", "media",
  "edtech", "travel", "cybersecurity", "developer tools", "real estate", "food delivery", "energy", "biotech",
];

export const benefits: string[] = [
  "a yearly learning budget", "flexible working hours", "30 days of vacation", "a company pension plan",
  "equity for every employee", "a home office budget", "parental leave above the legal minimum",
  "a public transport pass", "regular team offsites", "health insurance for you and your family",
];

export const cultureLines: string[] = [
  "We value ownership, kindness and clear writing.",
  "We work in small autonomous teams with short feedback loops.",
  "Diversity makes our product better; we encourage everyone to apply.",
  "We ship to production many times a day.",
  "Our engineering culture is built on code review, pairing and blameless postmortems.",
  "You will join a distributed team across several time zones.",
];

/** The fixed mix of search questions the benchmark asks (websearch syntax plus filters). */
export interface SearchCase {
  q: string | null;
  remote?: Array<"onsite" | "hybrid" | "remote">;
  location?: string;
  country?: string;
  minSalary?: number;
  currency?: string;
  employment?: string[];
  postedWithinDays?: number;
  /** the naive API's ILIKE needle(s), all required (AND) */
  naive: string[];
}

export const searchCases: SearchCase[] = [
  { q: "data engineer", naive: ["data engineer"] },
  { q: "backend engineer", remote: ["remote"], naive: ["backend engineer"] },
  { q: "\"platform engineer\" kubernetes", naive: ["platform engineer", "kubernetes"] },
  { q: "react", country: "DE", naive: ["react"] },
  { q: "python django", minSalary: 60000, currency: "EUR", naive: ["python", "django"] },
  { q: "site reliability", remote: ["remote", "hybrid"], naive: ["site reliability"] },
  { q: "machine learning engineer", postedWithinDays: 14, naive: ["machine learning engineer"] },
  { q: "product manager", location: "Berlin", naive: ["product manager"] },
  { q: "postgresql", naive: ["postgresql"] },
  { q: "golang OR rust", remote: ["remote"], naive: ["golang"] },
  { q: "frontend -angular", country: "NL", naive: ["frontend"] },
  { q: "devops terraform aws", naive: ["devops", "terraform", "aws"] },
  { q: "zurich", naive: ["zürich"] },
  { q: "senior java developer", employment: ["full_time"], naive: ["senior java developer"] },
  { q: "ios swift", naive: ["ios", "swift"] },
  { q: "data scientist", country: "GB", minSalary: 50000, currency: "GBP", naive: ["data scientist"] },
  { q: "security engineer", remote: ["remote"], postedWithinDays: 30, naive: ["security engineer"] },
  { q: "\"engineering manager\"", naive: ["engineering manager"] },
  { q: "analytics engineer dbt", naive: ["analytics engineer", "dbt"] },
  { q: "flutter", naive: ["flutter"] },
  { q: "contract react developer", employment: ["contract", "freelance"], naive: ["react", "developer"] },
  { q: "kafka", country: "US", naive: ["kafka"] },
  { q: "junior", remote: ["remote"], naive: ["junior"] },
  { q: "full stack typescript", naive: ["full stack", "typescript"] },
  { q: "qa automation playwright", naive: ["playwright"] },
  { q: "ux designer figma", location: "London", naive: ["ux designer", "figma"] },
  { q: "münchen", naive: ["münchen"] },
  { q: "staff engineer", minSalary: 90000, currency: "EUR", naive: ["staff", "engineer"] },
  { q: "dba postgres", naive: ["postgres"] },
  { q: "technical writer", naive: ["technical writer"] },
  { q: "spark airflow", postedWithinDays: 30, naive: ["spark", "airflow"] },
  { q: "llm", naive: ["llm"] },
  { q: ".net azure", country: "GB", naive: [".net", "azure"] },
  { q: "embedded c++", naive: ["embedded", "c++"] },
  { q: "account executive", remote: ["onsite"], naive: ["account executive"] },
  { q: "recruiter", naive: ["recruiter"] },
  { q: "data analyst sql tableau", country: "ES", naive: ["data analyst", "sql", "tableau"] },
  { q: "payments", naive: ["payments"] },
  { q: "solutions architect aws", minSalary: 120000, currency: "USD", naive: ["solutions architect", "aws"] },
  { q: "internship", employment: ["internship"], naive: ["intern"] },
  { q: "Postgress", naive: ["postgress"] },
  { q: "kubernets engineer", naive: ["kubernets"] },
  { q: "nodejs", remote: ["remote"], country: "PT", naive: ["node"] },
  { q: "climate tech", naive: ["climate tech"] },
  { q: "lead", location: "Zürich", naive: ["lead"] },
  { q: "", remote: ["remote"], postedWithinDays: 7, naive: [] },
  { q: "", country: "SE", naive: [] },
  { q: "mobile developer react native", naive: ["react native"] },
  { q: "scrum master", naive: ["scrum master"] },
  { q: "rails", naive: ["rails"] },
];
