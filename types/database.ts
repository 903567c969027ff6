export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "13"
  }
  public: {
    Tables: {
      application_events: {
        Row: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        Insert: {
          application_id: string
          created_at?: string
          details?: NonNullable<Json>
          from_status?: Database["public"]["Enums"]["application_status"] | null
          id?: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note?: string | null
          occurred_at?: string
          to_status?: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        Update: {
          application_id?: string
          created_at?: string
          details?: NonNullable<Json>
          from_status?: Database["public"]["Enums"]["application_status"] | null
          id?: string
          kind?: Database["public"]["Enums"]["application_event_kind"]
          note?: string | null
          occurred_at?: string
          to_status?: Database["public"]["Enums"]["application_status"] | null
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "application_outcomes"
            referencedColumns: ["application_id", "user_id"]
          },
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "applications"
            referencedColumns: ["id", "user_id"]
          },
        ]
      }
      application_status_transitions: {
        Row: {
          from_status: Database["public"]["Enums"]["application_status"]
          to_status: Database["public"]["Enums"]["application_status"]
        }
        Insert: {
          from_status: Database["public"]["Enums"]["application_status"]
          to_status: Database["public"]["Enums"]["application_status"]
        }
        Update: {
          from_status?: Database["public"]["Enums"]["application_status"]
          to_status?: Database["public"]["Enums"]["application_status"]
        }
        Relationships: []
      }
      applications: {
        Row: {
          application_url: string | null
          applied_at: string | null
          cover_letter_id: string | null
          created_at: string
          cv_id: string | null
          external_application_id: string | null
          follow_up_at: string | null
          id: string
          job_id: string
          notes: string | null
          status: Database["public"]["Enums"]["application_status"]
          updated_at: string
          user_id: string
        }
        Insert: {
          application_url?: string | null
          applied_at?: string | null
          cover_letter_id?: string | null
          created_at?: string
          cv_id?: string | null
          external_application_id?: string | null
          follow_up_at?: string | null
          id?: string
          job_id: string
          notes?: string | null
          status?: Database["public"]["Enums"]["application_status"]
          updated_at?: string
          user_id?: string
        }
        Update: {
          application_url?: string | null
          applied_at?: string | null
          cover_letter_id?: string | null
          created_at?: string
          cv_id?: string | null
          external_application_id?: string | null
          follow_up_at?: string | null
          id?: string
          job_id?: string
          notes?: string | null
          status?: Database["public"]["Enums"]["application_status"]
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "applications_cover_letter_id_fkey"
            columns: ["cover_letter_id", "user_id", "job_id"]
            isOneToOne: false
            referencedRelation: "cover_letters"
            referencedColumns: ["id", "user_id", "job_id"]
          },
          {
            foreignKeyName: "applications_cv_id_fkey"
            columns: ["cv_id", "user_id", "job_id"]
            isOneToOne: false
            referencedRelation: "generated_cvs"
            referencedColumns: ["id", "user_id", "job_id"]
          },
          {
            foreignKeyName: "applications_job_id_fkey"
            columns: ["job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["id"]
          },
        ]
      }
      calendar_feeds: {
        Row: {
          created_at: string
          rotated_at: string
          token_hash: string
          user_id: string
        }
        Insert: {
          created_at?: string
          rotated_at?: string
          token_hash: string
          user_id: string
        }
        Update: {
          created_at?: string
          rotated_at?: string
          token_hash?: string
          user_id?: string
        }
        Relationships: []
      }
      cover_letters: {
        Row: {
          body: string
          created_at: string
          generator: Database["public"]["Enums"]["document_generator"]
          grounding: Json | null
          id: string
          job_id: string
          max_words: number | null
          model: string | null
          prompt_version: string | null
          tone: Database["public"]["Enums"]["letter_tone"]
          user_id: string
          version: number
        }
        Insert: {
          body: string
          created_at?: string
          generator?: Database["public"]["Enums"]["document_generator"]
          grounding?: Json | null
          id?: string
          job_id: string
          max_words?: number | null
          model?: string | null
          prompt_version?: string | null
          tone?: Database["public"]["Enums"]["letter_tone"]
          user_id?: string
          version?: number
        }
        Update: {
          body?: string
          created_at?: string
          generator?: Database["public"]["Enums"]["document_generator"]
          grounding?: Json | null
          id?: string
          job_id?: string
          max_words?: number | null
          model?: string | null
          prompt_version?: string | null
          tone?: Database["public"]["Enums"]["letter_tone"]
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "cover_letters_job_id_fkey"
            columns: ["job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["id"]
          },
        ]
      }
      cv_templates: {
        Row: {
          body: string
          created_at: string
          description: string | null
          format: Database["public"]["Enums"]["template_format"]
          id: string
          is_default: boolean
          name: string
          owner_id: string | null
          updated_at: string
        }
        Insert: {
          body: string
          created_at?: string
          description?: string | null
          format?: Database["public"]["Enums"]["template_format"]
          id?: string
          is_default?: boolean
          name: string
          owner_id?: string | null
          updated_at?: string
        }
        Update: {
          body?: string
          created_at?: string
          description?: string | null
          format?: Database["public"]["Enums"]["template_format"]
          id?: string
          is_default?: boolean
          name?: string
          owner_id?: string | null
          updated_at?: string
        }
        Relationships: []
      }
      generated_cvs: {
        Row: {
          content: NonNullable<Json>
          created_at: string
          generator: Database["public"]["Enums"]["document_generator"]
          grounding: Json | null
          id: string
          job_id: string
          match_score: number | null
          matched_skills: string[]
          missing_preferred_skills: string[]
          missing_required_skills: string[]
          model: string | null
          prompt_version: string | null
          rendered_html: string | null
          rendered_markdown: string | null
          template_id: string | null
          user_id: string
          version: number
        }
        Insert: {
          content: NonNullable<Json>
          created_at?: string
          generator?: Database["public"]["Enums"]["document_generator"]
          grounding?: Json | null
          id?: string
          job_id: string
          match_score?: number | null
          matched_skills?: string[]
          missing_preferred_skills?: string[]
          missing_required_skills?: string[]
          model?: string | null
          prompt_version?: string | null
          rendered_html?: string | null
          rendered_markdown?: string | null
          template_id?: string | null
          user_id?: string
          version?: number
        }
        Update: {
          content?: NonNullable<Json>
          created_at?: string
          generator?: Database["public"]["Enums"]["document_generator"]
          grounding?: Json | null
          id?: string
          job_id?: string
          match_score?: number | null
          matched_skills?: string[]
          missing_preferred_skills?: string[]
          missing_required_skills?: string[]
          model?: string | null
          prompt_version?: string | null
          rendered_html?: string | null
          rendered_markdown?: string | null
          template_id?: string | null
          user_id?: string
          version?: number
        }
        Relationships: [
          {
            foreignKeyName: "generated_cvs_job_id_fkey"
            columns: ["job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "generated_cvs_template_id_fkey"
            columns: ["template_id"]
            isOneToOne: false
            referencedRelation: "cv_templates"
            referencedColumns: ["id"]
          },
        ]
      }
      jobs: {
        Row: {
          canonical_job_id: string | null
          company: string
          company_url: string | null
          country_code: string | null
          created_at: string
          description: string | null
          employment_type: Database["public"]["Enums"]["employment_type"] | null
          expires_at: string | null
          external_id: string | null
          fingerprint: string | null
          first_seen_at: string
          id: string
          is_active: boolean
          last_seen_at: string
          location: string | null
          owner_id: string | null
          posted_at: string | null
          preferred_skill_keys: string[]
          preferred_skills: string[]
          remote_type: Database["public"]["Enums"]["remote_type"] | null
          required_skill_keys: string[]
          required_skills: string[]
          requirements: string | null
          responsibilities: string | null
          salary_currency: string | null
          salary_max: number | null
          salary_min: number | null
          salary_period: Database["public"]["Enums"]["salary_period"] | null
          search_vector: unknown
          source: string
          source_board: string | null
          source_url: string | null
          times_reposted: number
          title: string
          updated_at: string
          likely_stale: boolean | null
        }
        Insert: {
          canonical_job_id?: string | null
          company: string
          company_url?: string | null
          country_code?: string | null
          created_at?: string
          description?: string | null
          employment_type?:
            | Database["public"]["Enums"]["employment_type"]
            | null
          expires_at?: string | null
          external_id?: string | null
          fingerprint?: never
          first_seen_at?: string
          id?: string
          is_active?: boolean
          last_seen_at?: string
          location?: string | null
          owner_id?: string | null
          posted_at?: string | null
          preferred_skill_keys?: string[]
          preferred_skills?: string[]
          remote_type?: Database["public"]["Enums"]["remote_type"] | null
          required_skill_keys?: string[]
          required_skills?: string[]
          requirements?: string | null
          responsibilities?: string | null
          salary_currency?: string | null
          salary_max?: number | null
          salary_min?: number | null
          salary_period?: Database["public"]["Enums"]["salary_period"] | null
          search_vector?: never
          source?: string
          source_board?: string | null
          source_url?: string | null
          times_reposted?: number
          title: string
          updated_at?: string
        }
        Update: {
          canonical_job_id?: string | null
          company?: string
          company_url?: string | null
          country_code?: string | null
          created_at?: string
          description?: string | null
          employment_type?:
            | Database["public"]["Enums"]["employment_type"]
            | null
          expires_at?: string | null
          external_id?: string | null
          fingerprint?: never
          first_seen_at?: string
          id?: string
          is_active?: boolean
          last_seen_at?: string
          location?: string | null
          owner_id?: string | null
          posted_at?: string | null
          preferred_skill_keys?: string[]
          preferred_skills?: string[]
          remote_type?: Database["public"]["Enums"]["remote_type"] | null
          required_skill_keys?: string[]
          required_skills?: string[]
          requirements?: string | null
          responsibilities?: string | null
          salary_currency?: string | null
          salary_max?: number | null
          salary_min?: number | null
          salary_period?: Database["public"]["Enums"]["salary_period"] | null
          search_vector?: never
          source?: string
          source_board?: string | null
          source_url?: string | null
          times_reposted?: number
          title?: string
          updated_at?: string
        }
        Relationships: [
          {
            foreignKeyName: "jobs_canonical_job_id_fkey"
            columns: ["canonical_job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["id"]
          },
        ]
      }
      profiles: {
        Row: {
          created_at: string
          education: NonNullable<Json>
          email: string | null
          follow_up_days: number
          full_name: string | null
          github_url: string | null
          headline: string | null
          id: string
          linkedin_url: string | null
          location: string | null
          open_to_relocation: boolean
          phone: string | null
          remote_preferences: Database["public"]["Enums"]["remote_type"][]
          salary_currency: string | null
          salary_max: number | null
          salary_min: number | null
          skills: string[]
          summary: string | null
          target_locations: string[]
          target_roles: string[]
          updated_at: string
          website_url: string | null
          work_experience: NonNullable<Json>
        }
        Insert: {
          created_at?: string
          education?: NonNullable<Json>
          email?: string | null
          follow_up_days?: number
          full_name?: string | null
          github_url?: string | null
          headline?: string | null
          id: string
          linkedin_url?: string | null
          location?: string | null
          open_to_relocation?: boolean
          phone?: string | null
          remote_preferences?: Database["public"]["Enums"]["remote_type"][]
          salary_currency?: string | null
          salary_max?: number | null
          salary_min?: number | null
          skills?: string[]
          summary?: string | null
          target_locations?: string[]
          target_roles?: string[]
          updated_at?: string
          website_url?: string | null
          work_experience?: NonNullable<Json>
        }
        Update: {
          created_at?: string
          education?: NonNullable<Json>
          email?: string | null
          follow_up_days?: number
          full_name?: string | null
          github_url?: string | null
          headline?: string | null
          id?: string
          linkedin_url?: string | null
          location?: string | null
          open_to_relocation?: boolean
          phone?: string | null
          remote_preferences?: Database["public"]["Enums"]["remote_type"][]
          salary_currency?: string | null
          salary_max?: number | null
          salary_min?: number | null
          skills?: string[]
          summary?: string | null
          target_locations?: string[]
          target_roles?: string[]
          updated_at?: string
          website_url?: string | null
          work_experience?: NonNullable<Json>
        }
        Relationships: []
      }
      projects: {
        Row: {
          achievements: string[]
          created_at: string
          description: string | null
          end_date: string | null
          id: string
          is_featured: boolean
          metrics: NonNullable<Json>
          name: string
          relevance_tags: string[]
          repository_url: string | null
          role: string | null
          search_vector: unknown
          start_date: string | null
          technologies: string[]
          updated_at: string
          url: string | null
          user_id: string
        }
        Insert: {
          achievements?: string[]
          created_at?: string
          description?: string | null
          end_date?: string | null
          id?: string
          is_featured?: boolean
          metrics?: NonNullable<Json>
          name: string
          relevance_tags?: string[]
          repository_url?: string | null
          role?: string | null
          search_vector?: never
          start_date?: string | null
          technologies?: string[]
          updated_at?: string
          url?: string | null
          user_id?: string
        }
        Update: {
          achievements?: string[]
          created_at?: string
          description?: string | null
          end_date?: string | null
          id?: string
          is_featured?: boolean
          metrics?: NonNullable<Json>
          name?: string
          relevance_tags?: string[]
          repository_url?: string | null
          role?: string | null
          search_vector?: never
          start_date?: string | null
          technologies?: string[]
          updated_at?: string
          url?: string | null
          user_id?: string
        }
        Relationships: []
      }
      skill_aliases: {
        Row: {
          alias: string
          created_at: string
          skill_name: string
        }
        Insert: {
          alias: string
          created_at?: string
          skill_name: string
        }
        Update: {
          alias?: string
          created_at?: string
          skill_name?: string
        }
        Relationships: [
          {
            foreignKeyName: "skill_aliases_skill_name_fkey"
            columns: ["skill_name"]
            isOneToOne: false
            referencedRelation: "skills"
            referencedColumns: ["name"]
          },
        ]
      }
      skills: {
        Row: {
          category: string
          created_at: string
          name: string
        }
        Insert: {
          category: string
          created_at?: string
          name: string
        }
        Update: {
          category?: string
          created_at?: string
          name?: string
        }
        Relationships: []
      }
      user_job_preferences: {
        Row: {
          created_at: string
          is_favorite: boolean
          is_hidden: boolean
          job_id: string
          notes: string | null
          updated_at: string
          user_id: string
        }
        Insert: {
          created_at?: string
          is_favorite?: boolean
          is_hidden?: boolean
          job_id: string
          notes?: string | null
          updated_at?: string
          user_id?: string
        }
        Update: {
          created_at?: string
          is_favorite?: boolean
          is_hidden?: boolean
          job_id?: string
          notes?: string | null
          updated_at?: string
          user_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "user_job_preferences_job_id_fkey"
            columns: ["job_id"]
            isOneToOne: false
            referencedRelation: "jobs"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      application_outcomes: {
        Row: {
          application_id: string | null
          cv_generator: Database["public"]["Enums"]["document_generator"] | null
          cv_id: string | null
          cv_template_id: string | null
          reached_accepted: boolean | null
          reached_applied: boolean | null
          reached_interviewing: boolean | null
          reached_offered: boolean | null
          responded: boolean | null
          source: string | null
          status: Database["public"]["Enums"]["application_status"] | null
          user_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "generated_cvs_template_id_fkey"
            columns: ["cv_template_id"]
            isOneToOne: false
            referencedRelation: "cv_templates"
            referencedColumns: ["id"]
          },
        ]
      }
      application_stage_stays: {
        Row: {
          application_id: string | null
          days: number | null
          entered_at: string | null
          left_at: string | null
          status: Database["public"]["Enums"]["application_status"] | null
          user_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "application_outcomes"
            referencedColumns: ["application_id", "user_id"]
          },
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "applications"
            referencedColumns: ["id", "user_id"]
          },
        ]
      }
      interview_schedule: {
        Row: {
          application_id: string | null
          changed_at: string | null
          changes: number | null
          duration_minutes: number | null
          event_id: string | null
          is_cancelled: boolean | null
          kind: Database["public"]["Enums"]["interview_kind"] | null
          location: string | null
          note: string | null
          scheduled_at: string | null
          series_id: string | null
          time_zone: string | null
          user_id: string | null
          with_whom: string | null
        }
        Insert: {
          application_id?: string | null
          changed_at?: string | null
          changes?: never
          duration_minutes?: never
          event_id?: string | null
          is_cancelled?: never
          kind?: never
          location?: never
          note?: string | null
          scheduled_at?: never
          series_id?: never
          time_zone?: never
          user_id?: string | null
          with_whom?: never
        }
        Update: {
          application_id?: string | null
          changed_at?: string | null
          changes?: never
          duration_minutes?: never
          event_id?: string | null
          is_cancelled?: never
          kind?: never
          location?: never
          note?: string | null
          scheduled_at?: never
          series_id?: never
          time_zone?: never
          user_id?: string | null
          with_whom?: never
        }
        Relationships: [
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "application_outcomes"
            referencedColumns: ["application_id", "user_id"]
          },
          {
            foreignKeyName: "application_events_application_fkey"
            columns: ["application_id", "user_id"]
            isOneToOne: false
            referencedRelation: "applications"
            referencedColumns: ["id", "user_id"]
          },
        ]
      }
      pipeline_by_cv_template: {
        Row: {
          applications: number | null
          cv_generator: Database["public"]["Enums"]["document_generator"] | null
          cv_template_id: string | null
          cv_template_name: string | null
          reached_applied: number | null
          reached_interviewing: number | null
          responded: number | null
          response_rate: number | null
          user_id: string | null
        }
        Relationships: [
          {
            foreignKeyName: "generated_cvs_template_id_fkey"
            columns: ["cv_template_id"]
            isOneToOne: false
            referencedRelation: "cv_templates"
            referencedColumns: ["id"]
          },
        ]
      }
      pipeline_by_source: {
        Row: {
          applications: number | null
          reached_applied: number | null
          reached_interviewing: number | null
          reached_offered: number | null
          responded: number | null
          response_rate: number | null
          source: string | null
          user_id: string | null
        }
        Relationships: []
      }
      pipeline_stage_durations: {
        Row: {
          median_days: number | null
          status: Database["public"]["Enums"]["application_status"] | null
          stays: number | null
          user_id: string | null
        }
        Relationships: []
      }
      pipeline_summary: {
        Row: {
          acceptance_rate: number | null
          accepted: number | null
          applications: number | null
          applied: number | null
          declined: number | null
          draft: number | null
          interview_rate: number | null
          interviewing: number | null
          offer_rate: number | null
          offered: number | null
          reached_accepted: number | null
          reached_applied: number | null
          reached_interviewing: number | null
          reached_offered: number | null
          rejected: number | null
          responded: number | null
          response_rate: number | null
          user_id: string | null
          withdrawn: number | null
        }
        Relationships: []
      }
    }
    Functions: {
      add_application_note: {
        Args: { application_id: string; note: string; occurred_at?: string }
        Returns: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "application_events"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      cancel_interview: {
        Args: { interview_id: string; note?: string }
        Returns: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "application_events"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      export_my_data: { Args: Record<PropertyKey, never>; Returns: Json }
      ingest_postings: {
        Args: {
          board: string
          full_refresh?: boolean
          postings: Json
          source: string
        }
        Returns: {
          deactivated: number
          inserted: number
          linked: number
          reactivated: number
          received: number
          unchanged: number
          updated: number
        }[]
      }
      likely_stale: {
        Args: { job: Database["public"]["Tables"]["jobs"]["Row"] }
        Returns: boolean
      }
      match_job: {
        Args: { job_id: string }
        Returns: {
          company: string
          country_code: string
          employment_type: Database["public"]["Enums"]["employment_type"]
          id: string
          is_active: boolean
          is_favorite: boolean
          is_hidden: boolean
          is_private: boolean
          location: string
          location_contribution: number
          matched_skills: string[]
          missing_preferred_skills: string[]
          missing_required_skills: string[]
          posted_at: string
          preferred_skills_contribution: number
          recency_contribution: number
          remote_type: Database["public"]["Enums"]["remote_type"]
          required_skills_contribution: number
          role_contribution: number
          salary_contribution: number
          salary_currency: string
          salary_max: number
          salary_min: number
          salary_period: Database["public"]["Enums"]["salary_period"]
          score: number
          title: string
        }[]
      }
      match_jobs: {
        Args: { cursor?: string; result_limit?: number }
        Returns: {
          company: string
          country_code: string
          employment_type: Database["public"]["Enums"]["employment_type"]
          id: string
          is_favorite: boolean
          is_private: boolean
          location: string
          location_contribution: number
          matched_skills: string[]
          missing_preferred_skills: string[]
          missing_required_skills: string[]
          next_cursor: string
          posted_at: string
          preferred_skills_contribution: number
          recency_contribution: number
          remote_type: Database["public"]["Enums"]["remote_type"]
          required_skills_contribution: number
          role_contribution: number
          salary_contribution: number
          salary_currency: string
          salary_max: number
          salary_min: number
          salary_period: Database["public"]["Enums"]["salary_period"]
          score: number
          title: string
        }[]
      }
      normalize_skill: { Args: { raw: string }; Returns: string }
      normalize_skills: { Args: { raws: string[] }; Returns: string[] }
      record_follow_up: {
        Args: {
          application_id: string
          next_follow_up_at?: string
          note?: string
          occurred_at?: string
        }
        Returns: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "application_events"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      reschedule_interview: {
        Args: {
          duration_minutes?: number
          interview_id: string
          kind?: Database["public"]["Enums"]["interview_kind"]
          location?: string
          note?: string
          scheduled_at: string
          time_zone?: string
          with_whom?: string
        }
        Returns: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "application_events"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      rotate_calendar_token: {
        Args: Record<PropertyKey, never>
        Returns: string
      }
      schedule_interview: {
        Args: {
          application_id: string
          duration_minutes?: number
          kind: Database["public"]["Enums"]["interview_kind"]
          location?: string
          note?: string
          scheduled_at: string
          time_zone: string
          with_whom?: string
        }
        Returns: {
          application_id: string
          created_at: string
          details: NonNullable<Json>
          from_status: Database["public"]["Enums"]["application_status"] | null
          id: string
          kind: Database["public"]["Enums"]["application_event_kind"]
          note: string | null
          occurred_at: string
          to_status: Database["public"]["Enums"]["application_status"] | null
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "application_events"
          isOneToOne: true
          isSetofReturn: false
        }
      }
      search_jobs: {
        Args: {
          country?: string
          currency?: string
          cursor?: string
          employment_types?: Database["public"]["Enums"]["employment_type"][]
          include_private?: boolean
          location_text?: string
          min_salary?: number
          posted_since?: string
          q?: string
          remote_types?: Database["public"]["Enums"]["remote_type"][]
          result_limit?: number
        }
        Returns: {
          company: string
          country_code: string
          employment_type: Database["public"]["Enums"]["employment_type"]
          id: string
          is_favorite: boolean
          is_private: boolean
          location: string
          matched_by: string
          next_cursor: string
          posted_at: string
          relevance: number
          remote_type: Database["public"]["Enums"]["remote_type"]
          salary_currency: string
          salary_max: number
          salary_min: number
          salary_period: Database["public"]["Enums"]["salary_period"]
          score: number
          title: string
          total_estimate: number
        }[]
      }
      transition_application: {
        Args: {
          application_id: string
          expected_status?: Database["public"]["Enums"]["application_status"]
          note?: string
          occurred_at?: string
          to_status: Database["public"]["Enums"]["application_status"]
        }
        Returns: {
          application_url: string | null
          applied_at: string | null
          cover_letter_id: string | null
          created_at: string
          cv_id: string | null
          external_application_id: string | null
          follow_up_at: string | null
          id: string
          job_id: string
          notes: string | null
          status: Database["public"]["Enums"]["application_status"]
          updated_at: string
          user_id: string
        }
        SetofOptions: {
          from: "*"
          to: "applications"
          isOneToOne: true
          isSetofReturn: false
        }
      }
    }
    Enums: {
      application_event_kind:
        | "status_change"
        | "note"
        | "interview"
        | "follow_up"
      application_status:
        | "draft"
        | "applied"
        | "interviewing"
        | "offered"
        | "accepted"
        | "declined"
        | "rejected"
        | "withdrawn"
      document_generator: "deterministic" | "llm" | "manual"
      employment_type:
        | "full_time"
        | "part_time"
        | "contract"
        | "temporary"
        | "internship"
        | "freelance"
      interview_kind: "phone" | "video" | "onsite" | "take_home"
      letter_tone: "formal" | "warm" | "concise"
      remote_type: "onsite" | "hybrid" | "remote"
      salary_period: "year" | "month" | "week" | "day" | "hour"
      template_format: "markdown" | "html"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    | keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Views"])[TableName] extends {
      Row: infer R
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema["Tables"] &
        DefaultSchema["Views"])
    ? (DefaultSchema["Tables"] &
        DefaultSchema["Views"])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R
      }
      ? R
      : never
    : never

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Insert: infer I
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I
      }
      ? I
      : never
    : never

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends
    | keyof DefaultSchema["Tables"]
    | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"]
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions["schema"]]["Tables"][TableName] extends {
      Update: infer U
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema["Tables"]
    ? DefaultSchema["Tables"][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U
      }
      ? U
      : never
    : never

export type Enums<
  DefaultSchemaEnumNameOrOptions extends
    | keyof DefaultSchema["Enums"]
    | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"]
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions["schema"]]["Enums"][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema["Enums"]
    ? DefaultSchema["Enums"][DefaultSchemaEnumNameOrOptions]
    : never

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    | keyof DefaultSchema["CompositeTypes"]
    | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"]
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends {
  schema: keyof DatabaseWithoutInternals
}
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions["schema"]]["CompositeTypes"][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema["CompositeTypes"]
    ? DefaultSchema["CompositeTypes"][PublicCompositeTypeNameOrOptions]
    : never

export const Constants = {
  public: {
    Enums: {
      application_event_kind: [
        "status_change",
        "note",
        "interview",
        "follow_up",
      ],
      application_status: [
        "draft",
        "applied",
        "interviewing",
        "offered",
        "accepted",
        "declined",
        "rejected",
        "withdrawn",
      ],
      document_generator: ["deterministic", "llm", "manual"],
      employment_type: [
        "full_time",
        "part_time",
        "contract",
        "temporary",
        "internship",
        "freelance",
      ],
      interview_kind: ["phone", "video", "onsite", "take_home"],
      letter_tone: ["formal", "warm", "concise"],
      remote_type: ["onsite", "hybrid", "remote"],
      salary_period: ["year", "month", "week", "day", "hour"],
      template_format: ["markdown", "html"],
    },
  },
} as const
