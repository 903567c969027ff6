-- Demo data for local development (`npm start`, `supabase db reset`).
-- Users are created the way GoTrue does, so the signup trigger creates their profiles.

insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values
  ('11111111-1111-4111-8111-111111111111', 'authenticated', 'authenticated', 'maya@demo.jobtrail.dev',
   extensions.crypt('jobtrail-demo', extensions.gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Maya Lindqvist"}', now() - interval '60 days', now()),
  ('22222222-2222-4222-8222-222222222222', 'authenticated', 'authenticated', 'daniel@demo.jobtrail.dev',
   extensions.crypt('jobtrail-demo', extensions.gen_salt('bf')), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Daniel Okafor"}', now() - interval '45 days', now());
